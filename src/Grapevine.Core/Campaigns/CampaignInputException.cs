namespace Grapevine.Core.Campaigns;

/// <summary>
/// Campaign input with refused values: every problem keyed by its API field, so the API answers one 400 naming each
/// field and the form shows each message at its field. As an <see cref="ArgumentException"/> it names the first field.
/// </summary>
public sealed class CampaignInputException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException(errors.First().Value[0], errors.First().Key)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
