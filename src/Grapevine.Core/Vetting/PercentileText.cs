using System.Globalization;

namespace Grapevine.Core.Vetting;

/// <summary>A percentile (0–100) as shown: "P13", a whole number.</summary>
public static class PercentileText
{
    /// <summary>
    /// Rounded to a whole percentile, except that one short of an end does not reach it: a mid-rank percentile is
    /// never 0 or 100, and "P100" beside 99.95 would say an account is above every one of its peers, itself included.
    /// </summary>
    public static string Of(double percentile)
    {
        var whole = Math.Round(percentile, MidpointRounding.AwayFromZero);
        if (percentile is > 0 and < 100)
            whole = Math.Clamp(whole, 1, 99);
        return "P" + whole.ToString("0", CultureInfo.InvariantCulture);
    }
}
