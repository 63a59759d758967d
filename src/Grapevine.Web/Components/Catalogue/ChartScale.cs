namespace Grapevine.Web.Components.Catalogue;

/// <summary>A linear axis with round tick values covering the data, for the server-drawn SVG charts.</summary>
public sealed record ChartScale(double Min, double Max, IReadOnlyList<double> Ticks)
{
    public static ChartScale For(double low, double high, int tickCount = 4, bool fromZero = false)
    {
        if (fromZero)
            low = Math.Min(0, low);
        if (high <= low)
        {
            var pad = Math.Abs(high) > 0 ? Math.Abs(high) * 0.05 : 1;
            low -= pad;
            high += pad;
        }
        var step = NiceStep((high - low) / tickCount);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        var ticks = new List<double>();
        for (var t = min; t <= max + step / 2; t += step)
            ticks.Add(Math.Round(t / step) * step);
        return new ChartScale(min, max, ticks);
    }

    /// <summary>Maps a value to a pixel position between <paramref name="from"/> (at Min) and <paramref name="to"/> (at Max).</summary>
    public double Map(double value, double from, double to) =>
        Max == Min ? (from + to) / 2 : from + (value - Min) / (Max - Min) * (to - from);

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction switch { <= 1 => 1, <= 2 => 2, <= 2.5 => 2.5, <= 5 => 5, _ => 10 };
        return nice * magnitude;
    }
}
