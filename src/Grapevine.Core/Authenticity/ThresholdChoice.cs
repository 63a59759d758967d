namespace Grapevine.Core.Authenticity;

/// <summary>Chooses the decision threshold that maximises the Matthews correlation on (out-of-fold) predictions.</summary>
public static class ThresholdChoice
{
    public static float MaximiseMcc(IReadOnlyList<float> probabilities, IReadOnlyList<bool> isFake)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderByDescending(i => probabilities[i]).ToArray();
        long positives = isFake.Count(f => f), negatives = probabilities.Count - positives;
        if (positives == 0 || negatives == 0)
            return 0.5f;
        long tp = 0, fp = 0;
        var best = double.NegativeInfinity;
        var threshold = 0.5f;
        // Walk the cut down through the distinct probabilities: everything at or above the cut is called fake.
        for (var k = 0; k < order.Length; k++)
        {
            if (isFake[order[k]]) tp++;
            else fp++;
            var p = probabilities[order[k]];
            if (k + 1 < order.Length && probabilities[order[k + 1]] == p)
                continue;
            long fn = positives - tp, tn = negatives - fp;
            var denominator = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
            var mcc = denominator == 0 ? 0 : ((double)tp * tn - (double)fp * fn) / denominator;
            if (mcc > best)
            {
                best = mcc;
                // Midway to the next lower probability, so a model retrained on all the data is not on a knife edge.
                threshold = k + 1 < order.Length ? (p + probabilities[order[k + 1]]) / 2 : p;
            }
        }
        return threshold;
    }
}
