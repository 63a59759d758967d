namespace Grapevine.Core.Authenticity;

/// <summary>How well fake-probabilities and a threshold separate fakes (positives) from real profiles.</summary>
public sealed record BinaryMetrics(int Rows, int Positives, double Accuracy, double Precision, double Recall, double F1, double Mcc, double Auc)
{
    /// <summary>Scores the predictions; <paramref name="thresholds"/> gives each row's threshold (cross-validation folds differ).</summary>
    public static BinaryMetrics Compute(IReadOnlyList<float> probabilities, IReadOnlyList<bool> isFake, IReadOnlyList<float> thresholds)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var predicted = probabilities[i] >= thresholds[i];
            if (predicted && isFake[i]) tp++;
            else if (predicted) fp++;
            else if (isFake[i]) fn++;
            else tn++;
        }
        double n = probabilities.Count;
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var denominator = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        var mcc = denominator == 0 ? 0 : ((double)tp * tn - (double)fp * fn) / denominator;
        return new BinaryMetrics(probabilities.Count, (int)(tp + fn), n == 0 ? 0 : (tp + tn) / n, precision, recall, f1, mcc, AreaUnderRoc(probabilities, isFake));
    }

    /// <summary>The area under the ROC curve: the chance a random fake scores above a random real profile (ties count half).</summary>
    public static double AreaUnderRoc(IReadOnlyList<float> probabilities, IReadOnlyList<bool> isFake)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        double rankSumPositives = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
                end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (isFake[order[k]])
                {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        var negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
