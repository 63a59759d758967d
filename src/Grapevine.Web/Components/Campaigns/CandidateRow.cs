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
    };
}
