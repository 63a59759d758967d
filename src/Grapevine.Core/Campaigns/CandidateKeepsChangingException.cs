namespace Grapevine.Core.Campaigns;

/// <summary>
/// A change or removal made without a version that a colleague's writes beat every one of
/// <see cref="CampaignService.MaxWriteAttempts"/> times: nothing was written, and reading the candidates again shows why.
/// </summary>
public sealed class CandidateKeepsChangingException(string whatFailed, bool several = false)
    : Exception($"{whatFailed}: a colleague keeps changing {(several ? "them" : "it")} (their change landed first each of the " +
        $"{CampaignService.MaxWriteAttempts} times this was tried). Nothing was changed: reload to see their changes, then try again.");
