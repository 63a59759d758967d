using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Grapevine.Core.Data;

/// <summary>Enums are stored as their lower-case names so that raw SQL and exports read naturally.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
