namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// "More like this one": accounts on the same platform ranked by
/// <see cref="NicheWeight"/> × cosine of the niche-score vectors + <see cref="TagWeight"/> × Jaccard of the
/// #tag/@handle term sets + <see cref="SizeWeight"/> × size similarity (1 − |log10 followers difference|, at least 0),
/// ties by account id. Accounts sharing neither a niche nor a term are not candidates.
/// </summary>
internal sealed class Lookalikes(IndexColumns c, PostingLists terms)
{
    public const double NicheWeight = 0.5;
    public const double TagWeight = 0.3;
    public const double SizeWeight = 0.2;
    private const int ReasonItems = 5;

    public IReadOnlyList<LookalikeHit> Find(int source, int limit)
    {
        var width = c.NicheWidth;
        var sourceAt = (long)source * width;
        var sourceNiches = Enumerable.Range(1, width - 1).Where(n => c.NicheScores[sourceAt + n] > 0).ToArray();
        var sourceNorm = Math.Sqrt(sourceNiches.Sum(n => (double)c.NicheScores[sourceAt + n] * c.NicheScores[sourceAt + n]));

        // The source's terms (the lists are by term, so ask each list), then how many of them every row shares.
        var sourceTerms = new List<(int Id, int Length)>();
        for (var id = 0; id < terms.TermCount; id++)
        {
            var cursor = terms.Cursor(id);
            cursor.Seek(source);
            if (!cursor.Done && cursor.Row == source)
                sourceTerms.Add((id, cursor.Length));
        }
        var shared = new ushort[c.Count];
        foreach (var (id, _) in sourceTerms)
        {
            for (var cursor = terms.Cursor(id); !cursor.Done; cursor.Next())
                shared[cursor.Row]++;
        }

        var top = new TopK(limit);
        var sourceLog = LogFollowers(source);
        var platform = c.Platform[source];
        for (var row = 0; row < c.Count; row++)
        {
            if (row == source || c.Platform[row] != platform || c.IsDeleted(row))
                continue;
            var at = (long)row * width;
            var dot = 0.0;
            foreach (var n in sourceNiches)
                dot += (double)c.NicheScores[sourceAt + n] * c.NicheScores[at + n];
            if (dot == 0 && shared[row] == 0)
                continue;
            var (niche, tags, size) = Parts(row, dot);
            top.Offer(NicheWeight * niche + TagWeight * tags + SizeWeight * size, c.AccountId[row], row);
        }

        var rarestFirst = sourceTerms.OrderBy(t => t.Length).ToArray();
        return [.. top.Rows().Select(row =>
        {
            var at = (long)row * width;
            var dot = 0.0;
            foreach (var n in sourceNiches)
                dot += (double)c.NicheScores[sourceAt + n] * c.NicheScores[at + n];
            var (niche, tags, size) = Parts(row, dot);
            var sharedTerms = rarestFirst.Where(t => Has(t.Id, row)).Take(ReasonItems).Select(t => terms.NameOf(t.Id)).ToArray();
            var sharedNiches = sourceNiches
                .Where(n => c.NicheScores[at + n] > 0)
                .OrderByDescending(n => Math.Min(c.NicheScores[sourceAt + n], c.NicheScores[at + n]))
                .Take(ReasonItems)
                .Select(n => c.Niches.ValueOf(n))
                .ToArray();
            return new LookalikeHit(c.AccountId[row], NicheWeight * niche + TagWeight * tags + SizeWeight * size,
                niche, tags, size, sharedNiches, sharedTerms);
        })];

        (double Niche, double Tags, double Size) Parts(int row, double dot)
        {
            var niche = dot == 0 ? 0 : dot / (sourceNorm * Norm((long)row * width, width));
            var union = sourceTerms.Count + c.TermCount[row] - shared[row];
            var tags = union <= 0 ? 0 : (double)shared[row] / union;
            var log = LogFollowers(row);
            var size = double.IsNaN(sourceLog) || double.IsNaN(log) ? 0 : Math.Max(0, 1 - Math.Abs(sourceLog - log));
            return (niche, tags, size);
        }
    }

    private bool Has(int term, int row)
    {
        var cursor = terms.Cursor(term);
        cursor.Seek(row);
        return !cursor.Done && cursor.Row == row;
    }

    private double Norm(long at, int width)
    {
        var sum = 0.0;
        for (var n = 1; n < width; n++)
            sum += (double)c.NicheScores[at + n] * c.NicheScores[at + n];
        return Math.Sqrt(sum);
    }

    private double LogFollowers(int row) =>
        c.Followers[row] is var f && f != IndexColumns.Unknown && f > 0 ? Math.Log10(f) : double.NaN;
}

/// <summary>
/// One lookalike and why: its score (0–1) and the three parts it is made of, each 0–1 — niche similarity (cosine of
/// the niche-score vectors), tag similarity (Jaccard of the #tag/@handle sets), size similarity (1 − the distance of
/// log10 followers) — with the niches and the (rarest) terms both accounts share.
/// </summary>
public sealed record LookalikeHit(
    long AccountId,
    double Score,
    double NicheSimilarity,
    double TagSimilarity,
    double SizeSimilarity,
    IReadOnlyList<string> SharedNiches,
    IReadOnlyList<string> SharedTerms);
