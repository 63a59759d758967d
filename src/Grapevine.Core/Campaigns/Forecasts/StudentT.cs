namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>The 90% quantile of Student's t distribution (two-sided 80%), for small-sample prediction intervals.</summary>
internal static class StudentT
{
    private static readonly double[] Q90 =
    [
        3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
        1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
        1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310,
    ];

    public static double Quantile90(double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 1)
            return Q90[0];
        if (degreesOfFreedom >= Q90.Length)
            return LogNormal.Z80 + (Q90[^1] - LogNormal.Z80) * Q90.Length / degreesOfFreedom;
        var lower = (int)Math.Floor(degreesOfFreedom);
        var u = degreesOfFreedom - lower;
        return Q90[lower - 1] + (Q90[lower] - Q90[lower - 1]) * u;
    }
}
