using System.Globalization;

namespace Grapevine.Core.Vetting;

/// <summary>A signal's value as the account page and <c>grapevine vet</c> both show it: "P16", "12.5%", "1 suspect spike", "2.3 posts/week".</summary>
public static class SignalValueText
{
    public const string Unknown = "unknown";

    public static string Of(VettingSignal signal) => signal.Value switch
    {
        null => Unknown,
        { } v => signal.Unit switch
        {
            "percentile" => PercentileText.Of(v),
            "%" => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            // "Suspect": organic spikes are not counted, and "0 spikes" beside a chart showing one would contradict it.
            "spikes" => Plural.Of(v, "0", "suspect spike"),
            "posts" => Plural.Of(v, "0", "post"),
            _ => v.ToString("0.0", CultureInfo.InvariantCulture) + " " + signal.Unit,
        },
    };
}
