using System.Globalization;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// The currency the planner's prices are in: rate cards (<c>PriceUsd</c>) and the reference rates
/// (reference.json rates_usd_per_deliverable) are US dollars. Grapevine has no exchange rates, so a budget in
/// another currency is refused rather than compared with dollar prices as if it were dollars.
/// </summary>
public static class PlanCurrency
{
    public const string Prices = "USD";

    /// <summary>An amount of the planner's money as its messages write it: "$1,250.5".</summary>
    public static string Show(double usd) => "$" + usd.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Why a budget in <paramref name="currency"/> cannot be planned, or null when it can.</summary>
    public static string? Refusal(string currency) => string.Equals(currency, Prices, StringComparison.OrdinalIgnoreCase)
        ? null
        : $"Prices (rate cards and reference rates) are in {Prices}, but this campaign's budget is in {currency.ToUpperInvariant()}, and Grapevine has no exchange rates " +
          $"to compare them. To plan, set the campaign's currency to {Prices} and enter its budget converted to {Prices}.";

    /// <summary>Throws an <see cref="ArgumentException"/> naming <c>currency</c> when the budget's currency is not the prices' one.</summary>
    public static void Check(string currency)
    {
        if (Refusal(currency) is { } refusal)
            throw new ArgumentException(refusal, "currency");
    }
}
