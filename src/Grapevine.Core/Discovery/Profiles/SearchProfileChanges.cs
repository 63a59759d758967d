namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// What a refresh writes for one chunk: every built profile (the upsert itself skips unchanged rows) and, for niche
/// and term rows, only the difference from what is stored, so refreshing unchanged accounts writes no child rows.
/// </summary>
internal sealed class SearchProfileChanges
{
    public List<SearchProfile> Profiles { get; } = [];
    public List<(long AccountId, string Niche)> NichesRemoved { get; } = [];
    public List<SearchProfileNiche> NichesAdded { get; } = [];
    public List<SearchProfileNiche> NichesChanged { get; } = [];
    public List<(long AccountId, string Term)> TermsRemoved { get; } = [];
    public List<SearchProfileTerm> TermsAdded { get; } = [];
    public List<SearchProfileTerm> TermsChanged { get; } = [];

    public int ChildRows => NichesRemoved.Count + NichesAdded.Count + NichesChanged.Count + TermsRemoved.Count + TermsAdded.Count + TermsChanged.Count;

    public static SearchProfileChanges Of(IReadOnlyList<SearchProfile> profiles, SearchProfileChunk stored)
    {
        var changes = new SearchProfileChanges();
        foreach (var profile in profiles)
        {
            changes.Profiles.Add(profile);
            var id = profile.AccountId;

            var niches = stored.StoredNiches.GetValueOrDefault(id);
            foreach (var niche in profile.Niches)
            {
                if (niches is null || !niches.Remove(niche.Niche, out var score))
                    changes.NichesAdded.Add(niche);
                else if (score != niche.Score)
                    changes.NichesChanged.Add(niche);
            }
            foreach (var gone in niches?.Keys ?? Enumerable.Empty<string>())
                changes.NichesRemoved.Add((id, gone));

            var terms = stored.StoredTerms.GetValueOrDefault(id);
            foreach (var term in profile.Terms)
            {
                if (terms is null || !terms.Remove(term.Term, out var old))
                    changes.TermsAdded.Add(term);
                else if (old.LastUsedAt != term.LastUsedAt || old.Uses != term.Uses)
                    changes.TermsChanged.Add(term);
            }
            foreach (var gone in terms?.Keys ?? Enumerable.Empty<string>())
                changes.TermsRemoved.Add((id, gone));
        }
        return changes;
    }
}
