using System.Globalization;

namespace Grapevine.Web.Components.Plans;

/// <summary>Money on the plan page: whole units from 100 up, cents below (a $4.55 gift is not "$5"), as the CLI shows it.</summary>
public static class PlanMoney
{
    /// <summary>Plan prices and costs, which are always US dollars.</summary>
    public static string Usd(double value) => "$" + Amount(value);

    /// <summary>
    /// An amount in the campaign's currency (a first test's spend is entered in it): "$" for US dollars, else the
    /// amount and its code, never converted.
    /// </summary>
    public static string In(double value, string currency) =>
        string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase) ? Usd(value) : Amount(value) + " " + currency.ToUpperInvariant();

    private static string Amount(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "#,0.00", CultureInfo.InvariantCulture);
}
