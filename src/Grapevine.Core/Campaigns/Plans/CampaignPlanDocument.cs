using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Planning;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// A plan as the page, the API, the command line and the CSV export show it, and as it is saved: who, what, for how
/// much, what it is expected to bring with 80% intervals, how the budget splits, how sure the solver is, what more or
/// less money would buy, which candidates could not be considered, and the rules it was made under.
/// </summary>
public sealed record CampaignPlanDocument(
    Guid? CampaignId,
    string Goal,
    string Unit,
    double Budget,
    string Currency,
    string Solver,
    string Status,
    double Cost,
    double Value,
    double? BestBound,
    double? Gap,
    double Seconds,
    int Candidates,
    IReadOnlyList<PlannedCreator> Creators,
    PlanTotals Totals,
    IReadOnlyList<BudgetSlice> ByTier,
    IReadOnlyList<BudgetSlice> ByPlatform,
    IReadOnlyList<BudgetPoint> BudgetCurve,
    IReadOnlyList<PlanConflict> Conflicts,
    IReadOnlyList<LeftOut> LeftOut,
    ForecastAssumptions? Assumptions,
    PlanRules Rules,
    IReadOnlyList<string> Notes,
    DateTime PlannedAt)
{
    /// <summary>
    /// The lowest price of any option of the candidates considered, null when none was: next to the budget and the most
    /// per creator it says why a plan that chose nobody did.
    /// </summary>
    public double? CheapestOption { get; init; }

    /// <summary>
    /// What the marketer asked for on the plan page (their budget and rules, before a first test adds its own); null
    /// for plans saved through the API or the command line, or before it was kept.
    /// </summary>
    public PlanRequest? Request { get; init; }

    /// <summary>The campaign's set-up the plan was made for; null where <see cref="Request"/> is.</summary>
    public PlanSetUp? SetUp { get; init; }

    /// <summary>
    /// Why a plan asked to be saved was not (it met no plan or chose nobody; see <see cref="PlanNotSaved"/>); null when it
    /// was saved or not asked to be.
    /// </summary>
    public string? NotSaved { get; init; }
}

/// <summary>One chosen creator: the option bought, its price and where the price came from, and its forecasts.</summary>
public sealed record PlannedCreator(
    long AccountId,
    string Platform,
    string Handle,
    string? Tier,
    string? Niche,
    string? Country,
    string Option,
    double Cost,
    string PriceSource,
    bool Gifting,
    double Value,
    Estimate? Impressions,
    Estimate? Reach,
    Estimate? Engagements,
    Estimate? Clicks,
    Estimate? Conversions,
    Estimate? Revenue,
    int PostsUsed,
    string Basis);

/// <summary>
/// The plan's expected totals with 80% intervals (independent creators: the half-widths add in quadrature), each with
/// how many of the chosen creators it covers, and the goal's value after overlap (what the planner maximised).
/// </summary>
public sealed record PlanTotals(
    PlanTotal Impressions,
    PlanTotal Reach,
    PlanTotal Engagements,
    PlanTotal Clicks,
    PlanTotal Conversions,
    PlanTotal Revenue,
    double ValueAfterOverlap);

/// <summary>A total and how many creators it covers; null when none of them has a forecast for it.</summary>
public sealed record PlanTotal(Estimate? Estimate, int Creators);

public sealed record BudgetSlice(string Name, double Cost, int Creators);

/// <summary>What a different budget would buy: the best plan found at it.</summary>
public sealed record BudgetPoint(double Budget, double Cost, double Value, int Creators, string Solver, double? Gap);
