namespace Grapevine.Core.Authenticity;

/// <summary>Deals rows into k folds with the same share of fakes in each, shuffled by a seed.</summary>
public static class StratifiedFolds
{
    /// <summary>The fold (0..k-1) of each row.</summary>
    public static int[] Assign(IReadOnlyList<bool> isFake, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[isFake.Count];
        var next = 0;
        foreach (var label in new[] { true, false })
        {
            var rows = Enumerable.Range(0, isFake.Count).Where(i => isFake[i] == label).ToArray();
            random.Shuffle(rows);
            foreach (var row in rows)
                fold[row] = next++ % folds;
        }
        return fold;
    }
}
