namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// The value an overlap group delivers when creators whose own values add up to <c>s</c> are chosen in it:
/// S·(1 − e^(−s/S)), where S is the group's saturation (the value the group could ever deliver). Two creators
/// reaching the same people do not reach twice as many. The planner uses a piecewise-linear interpolation of
/// that curve at fixed multiples of S (concave, so the exact solver can express it with linear constraints);
/// past the last breakpoint the group adds nothing more.
/// </summary>
public sealed class DiminishingReturns
{
    /// <summary>Breakpoints as multiples of the saturation.</summary>
    public static readonly double[] BreakpointMultiples = [0, 0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6];

    private readonly double[] _s;
    private readonly double[] _f;

    public DiminishingReturns(double saturation)
    {
        if (!(saturation > 0) || double.IsInfinity(saturation))
            throw new ArgumentOutOfRangeException(nameof(saturation), "The saturation must be a positive number.");
        Saturation = saturation;
        _s = BreakpointMultiples.Select(m => m * saturation).ToArray();
        _f = BreakpointMultiples.Select(m => saturation * (1 - Math.Exp(-m))).ToArray();
    }

    public double Saturation { get; }

    /// <summary>Breakpoints (s, f(s)) of the interpolation, s ascending.</summary>
    public IEnumerable<(double S, double F)> Breakpoints => _s.Zip(_f);

    public double Apply(double sum)
    {
        if (sum <= 0)
            return 0;
        for (var k = 1; k < _s.Length; k++)
        {
            if (sum <= _s[k])
                return _f[k - 1] + (_f[k] - _f[k - 1]) * (sum - _s[k - 1]) / (_s[k] - _s[k - 1]);
        }
        return _f[^1];
    }
}
