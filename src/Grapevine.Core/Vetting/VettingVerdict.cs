using System.Text.Json.Serialization;

namespace Grapevine.Core.Vetting;

/// <summary>The overall reading of a vetting report (rules in docs/vetting.md). Not enough data is never green.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VettingVerdict>))]
public enum VettingVerdict
{
    [JsonStringEnumMemberName("green")]
    Green,

    [JsonStringEnumMemberName("amber")]
    Amber,

    [JsonStringEnumMemberName("red")]
    Red,

    [JsonStringEnumMemberName("not_enough_data")]
    NotEnoughData,
}
