using System.Globalization;
using Grapevine.Core.Campaigns;

namespace Grapevine.Web.Components.Campaigns;

/// <summary>One candidate's row of the campaign page's candidates form.</summary>
public sealed class CandidateRow
{
    public long AccountId { get; set; }
    public string? Decision { get; set; }
    public bool AcceptsGifting { get; set; }
    public decimal? TestSpend { get; set; }
    public double? TestResult { get; set; }

    /// <summary>Ticked for "Remove selected…".</summary>
    public bool Selected { get; set; }

    /// <summary>
    /// The candidate as the form showed it (<see cref="Stamp(CandidateView)"/>), so a save can tell a colleague's change
    /// made since from the marketer's own; null from a client that does not send it.
    /// </summary>
    public string? Seen { get; set; }

    /// <summary>Someone changed the candidate since the form was shown.</summary>
    public bool ChangedSince(CandidateView current) => Seen is not null && Seen != Stamp(current);

    /// <summary>The marketer changed something in this row compared with what the form showed.</summary>
    public bool Edited => Seen is not null && Seen != Stamp(Decision, AcceptsGifting, TestSpend, TestResult);

    public static string Stamp(CandidateView c) => Stamp(c.Decision, c.AcceptsGifting, c.TestSpend, c.TestResult);

    // 120.5 and 120.50 are the same spend: the stamp drops a decimal's trailing zeros.
    private static string Stamp(string? decision, bool gifting, decimal? spend, double? result) => string.Join("|",
        decision, gifting ? "1" : "0", Plain(spend), result?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// A spend as a number input holds it: without the trailing zeros of the column's scale ("40", not "40.0" from SQLite
    /// or "40.00" from PostgreSQL).
    /// </summary>
    public static string? Plain(decimal? spend) => spend?.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>
    /// What differs from <paramref name="current"/>, or null when nothing does. An emptied test figure clears the
    /// recorded one.
    /// </summary>
    public CandidateChange? ChangeFrom(CandidateView current)
    {
        var change = new CandidateChange
        {
            Decision = Decision is not null && Decision != current.Decision ? Decision : null,
            AcceptsGifting = AcceptsGifting != current.AcceptsGifting ? AcceptsGifting : null,
        };
        if (TestSpend != current.TestSpend)
            change = change with { TestSpend = TestSpend };
        if (TestResult != current.TestResult)
            change = change with { TestResult = TestResult };
        return change == new CandidateChange() ? null : change;
    }

    public static CandidateRow From(CandidateView c) => new()
    {
        AccountId = c.AccountId,
        Decision = c.Decision,
        AcceptsGifting = c.AcceptsGifting,
        TestSpend = c.TestSpend,
        TestResult = c.TestResult,
        Seen = Stamp(c),
    };
}
