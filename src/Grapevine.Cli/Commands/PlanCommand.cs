using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.FirstTest;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Campaigns.Plans;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary>
/// <c>grapevine plan --campaign ID</c> or <c>grapevine plan --budget 2000 --goal sales --search "..." [filters]</c>: which
/// creators and deliverables to buy, what they are expected to bring, and how close the plan is to the best possible.
/// </summary>
public static class PlanCommand
{
    // The clock plans are made at; tests set their own.
    internal static TimeProvider Time { get; set; } = TimeProvider.System;

    public static Command Create()
    {
        var campaign = new Option<Guid?>("--campaign") { Description = "Plan this campaign's candidates (its id, as `grapevine campaign list` shows it)." };
        var budget = new Option<decimal?>("--budget") { Description = "Budget in US dollars (a campaign's own budget when omitted with --campaign)." };
        var goal = new Option<string?>("--goal") { Description = "What to maximise: awareness (reach), engagement, sales (revenue) or content." };
        var search = new Option<string?>("--search") { Description = "Plan over the top 200 results of this search (words, #hashtags, @mentions), with the filters below." };
        var minCreators = new Option<int?>("--min-creators") { Description = "At least this many creators." };
        var maxCreators = new Option<int?>("--max-creators") { Description = "At most this many creators." };
        var maxPerCreator = new Option<decimal?>("--max-per-creator") { Description = "The most one creator may cost, in US dollars." };
        var productCost = new Option<decimal?>("--product-cost") { Description = "With --search: what gifting one nano creator costs; nano creators may then be gifted instead of paid." };
        var keep = new Option<bool>("--keep") { Description = "With --campaign, for a first test: who to keep by cost per result once results are recorded, instead of a plan." };
        var save = new Option<bool>("--save") { Description = "With --campaign: keep the plan as the campaign's latest (the page and the CSV export show it)." };
        var filters = new SearchOptions();
        var command = new Command("plan",
            "Choose creators and deliverables that maximise the goal's expected value under the budget, with forecasts and 80% intervals, " +
            "budget by tier and platform, what half to twice the budget would buy, and the solver's gap to the best bound.")
        {
            campaign, budget, goal, search, minCreators, maxCreators, maxPerCreator, productCost, save, keep,
        };
        filters.AddTo(command);

        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var request = new PlanRequest
            {
                Budget = result.GetValue(budget),
                MinCreators = result.GetValue(minCreators) ?? 0,
                MaxCreators = result.GetValue(maxCreators),
                MaxPerCreator = result.GetValue(maxPerCreator),
            };
            Check(request);
            if (result.GetValue(keep))
            {
                if (result.GetValue(campaign) is not { } keepId)
                    throw new CliUsageException("--keep needs --campaign");
                var verdicts = await WithCampaignAsync(result, keepId, service => service.KeepAsync(keepId, ct), ct);
                if (result.GetValue(GlobalOptions.Json))
                    Console.WriteLine(JsonSerializer.Serialize(verdicts, CliJson.Options));
                else
                    RenderKeep(verdicts);
                return ExitCodes.Success;
            }
            CampaignPlanDocument plan;
            if (result.GetValue(campaign) is { } id)
            {
                if (result.GetValue(search) is not null || result.GetValue(goal) is not null)
                    throw new CliUsageException("--campaign plans the campaign's own candidates for its own goal; leave out --search and --goal");
                plan = await PlanCampaignAsync(result, id, request, result.GetValue(save), ct);
            }
            else
            {
                if (result.GetValue(save))
                    throw new CliUsageException("--save needs --campaign");
                if (request.Budget is not { } amount)
                    throw new CliUsageException("--budget is required without --campaign");
                if (!TryParseGoal(result.GetValue(goal), out var parsedGoal))
                    throw new CliUsageException("--goal must be awareness, engagement, sales or content");
                var input = filters.Read(result, result.GetValue(search) ?? "");
                // A plan chooses among many: the search's top 200 unless --limit says otherwise.
                var query = SearchCommand.Parse(input with { Limit = input.Limit ?? CampaignPlanService.MaxSearchCandidates.ToString(CultureInfo.InvariantCulture) });
                await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
                var current = new CurrentWorkspace();
                plan = await Service(db, current).PlanSearchAsync(new SearchPlanSpec(amount, parsedGoal, query, result.GetValue(productCost)), request, ct);
            }
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(plan, CliJson.Options));
            else
                Render(plan);
            // --save that kept nothing failed at what it was asked: the campaign's latest plan is still the old one.
            if (plan.NotSaved is not null && !result.GetValue(GlobalOptions.Json))
                Console.Error.WriteLine("Not saved: only a plan that chooses someone becomes the campaign's plan; its latest plan is unchanged.");
            return plan.Status == "infeasible" || plan.NotSaved is not null ? ExitCodes.InputRejected : ExitCodes.Success;
        }));
        return command;
    }

    private static void Check(PlanRequest request)
    {
        // Every refused option, one line each.
        var errors = PlanRequestValidation.Errors(request);
        if (errors.Count > 0)
        {
            throw new CliUsageException(string.Join(Environment.NewLine + "error: ", errors.Select(e =>
                "--" + string.Concat(e.Key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())) + ": " + e.Value[0])));
        }
    }

    private static bool TryParseGoal(string? text, out CampaignGoal goal) =>
        Enum.TryParse(text, ignoreCase: true, out goal) && Enum.IsDefined(goal) && !int.TryParse(text, out _);

    private static Task<CampaignPlanDocument> PlanCampaignAsync(ParseResult result, Guid id, PlanRequest request, bool save, CancellationToken ct) =>
        WithCampaignAsync(result, id, service => service.PlanCampaignAsync(id, request, save, ct), ct);

    // The command line is the operator's tool with the whole database at hand: a campaign id (a GUID) names its workspace.
    private static async Task<T> WithCampaignAsync<T>(ParseResult result, Guid id, Func<CampaignPlanService, Task<T>> action, CancellationToken ct)
    {
        Guid workspaceId;
        await using (var lookup = await GlobalOptions.OpenDatabaseAsync(result, ct))
        {
            workspaceId = await lookup.Campaigns.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => (Guid?)c.WorkspaceId).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"no campaign with id {id}");
        }
        var current = new CurrentWorkspace();
        current.Enter(workspaceId, null, "grapevine plan", WorkspaceRole.Owner);
        await using var db = new GrapevineDb(GrapevineDatabase.CreateOptions(GlobalOptions.ConnectionString(result)), current);
        try
        {
            return await action(Service(db, current));
        }
        catch (WorkspaceRuleException e)
        {
            throw new InvalidOperationException(e.Message);
        }
        catch (ArgumentException e) when (e.ParamName == "currency")
        {
            // The campaign's set-up, not an option of this command, is what needs changing: input rejected (exit 1).
            throw new InvalidOperationException(e.Message[..^" (Parameter 'currency')".Length]);
        }
    }

    private static CampaignPlanService Service(GrapevineDb db, CurrentWorkspace current) =>
        new(db, current, new AuditLog(db, current, Time), Time, new DiscoveryService(db, Time), new CreatorForecaster(db));

    private static void Render(CampaignPlanDocument plan)
    {
        var console = SearchCommand.WideConsole();
        if (plan.Status == "infeasible")
        {
            console.MarkupLine("[red]No plan meets every rule.[/] These conflict:");
            foreach (var c in plan.Conflicts)
                console.MarkupLine($"  • [bold]{Markup.Escape(c.Rule)}[/]: {Markup.Escape(c.Message)}");
            LeftOut(console, plan);
            return;
        }
        if (plan.Creators.Count == 0)
        {
            console.MarkupLine("[yellow]The plan chooses nobody[/]: " + Markup.Escape(WhyNobody(plan)));
            LeftOut(console, plan);
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Handle").AddColumn("Platform").AddColumn("Tier").AddColumn("Option").AddColumn(new TableColumn("Cost").RightAligned())
            .AddColumn("Price from").AddColumn(new TableColumn($"Expected (mean) {plan.Unit} (80%)").RightAligned());
        foreach (var c in plan.Creators)
        {
            table.AddRow(Markup.Escape("@" + c.Handle), c.Platform, c.Tier ?? "?", Markup.Escape(c.Option), Usd(c.Cost), c.PriceSource,
                Markup.Escape(GoalRange(plan, c)));
        }
        console.Write(table);
        var gap = plan.Gap is { } g ? $"{g:P2} from the best bound" : "no bound";
        console.MarkupLine($"{Count(plan.Creators.Count, "creator")} for {Usd(plan.Cost)} of {Usd(plan.Budget)}; expected {Number(plan.Value)} {plan.Unit} after audience overlap. " +
            $"[grey]{plan.Solver}, {plan.Status}, {gap}, {plan.Seconds:0.00} s, {plan.Candidates} candidates[/]");
        if (TotalsLine(plan.Totals, plan.Creators.Count) is { } totals)
            console.MarkupLine(Markup.Escape(totals));
        foreach (var note in plan.Notes)
            console.MarkupLine("[grey]First test: " + Markup.Escape(note) + "[/]");
        console.MarkupLine("Budget by tier: " + string.Join(", ", plan.ByTier.Select(s => $"{s.Name} {Usd(s.Cost)} ({s.Creators})")));
        console.MarkupLine("Budget by platform: " + string.Join(", ", plan.ByPlatform.Select(s => $"{s.Name} {Usd(s.Cost)} ({s.Creators})")));
        if (plan.BudgetCurve.Count > 0)
        {
            console.MarkupLine("What other budgets buy: " + string.Join(" · ",
                plan.BudgetCurve.Select(p => $"{Usd(p.Budget)} → {Number(p.Value)} ({Count(p.Creators, "creator")})")));
        }
        LeftOut(console, plan);
    }

    /// <summary>Which constraint left every creator out, and what to change: an empty plan is an answer, not an error.</summary>
    internal static string WhyNobody(CampaignPlanDocument plan)
    {
        var search = plan.CampaignId is null;
        if (plan.Candidates == 0 && plan.LeftOut.Count == 0)
        {
            return search
                ? "the search matched no creator. Widen it: fewer words, fewer or wider filters (grapevine search with the same words and filters shows what it matches)."
                : "every candidate of the campaign is excluded. Set one back to open (grapevine campaign decide ID platform/handle --decision open) or add candidates.";
        }
        if (plan.Candidates == 0)
        {
            return $"none of the {Count(plan.LeftOut.Count, "candidate")} could be considered: a creator needs a price and a forecast (the reasons are below). " +
                "Import their follower counts and recent posts, or " + (search ? "change the search." : "add other candidates.");
        }
        var considered = Count(plan.Candidates, "candidate");
        // A first test caps each creator at budget ÷ 8 on its own (docs/first-test.md), so reaching the cheapest option
        // takes 8 times its price, not the price alone.
        var firstTest = plan.Notes.Count > 0;
        if (firstTest && plan.CheapestOption is { } lowest && plan.Rules.MaxPerCreator is { } testCap && lowest > testCap)
        {
            var needed = FirstTestRules.BudgetNeeded(lowest);
            return $"the first test's most per creator ({PlanCurrency.Show(testCap)}, the budget ÷ {FirstTestRules.TargetCreators}) is below the cheapest option of the {considered} ({PlanCurrency.Show(lowest)}). " +
                $"A first test needs a budget of at least {PlanCurrency.Show(needed)} ({FirstTestRules.TargetCreators} × {PlanCurrency.Show(lowest)}): raise --budget to at least {PlanCurrency.Show(needed)}, or plan without the first test.";
        }
        if (plan.CheapestOption is { } cheapest && cheapest > plan.Budget)
            return $"the budget ({PlanCurrency.Show(plan.Budget)}) is below the cheapest option of the {considered} ({PlanCurrency.Show(cheapest)}). Raise --budget to at least {PlanCurrency.Show(cheapest)}" +
                (search ? " or search for smaller creators (--tier nano, --max-price)." : ".");
        if (plan.CheapestOption is { } least && plan.Rules.MaxPerCreator is { } cap && least > cap)
            return $"--max-per-creator ({PlanCurrency.Show(cap)}) is below the cheapest option of the {considered} ({PlanCurrency.Show(least)}). Raise it to at least {PlanCurrency.Show(least)} or leave it out.";
        return $"no option of the {considered} fits the budget and the rules together. Loosen --max-per-creator, --min-creators or --max-creators, or raise --budget.";
    }

    private static void RenderKeep(List<KeepView> verdicts)
    {
        var console = SearchCommand.WideConsole();
        if (!verdicts.Any(v => v.Spend is not null || v.Result is not null))
        {
            console.MarkupLine("No test results recorded yet: record each creator's spend and result (grapevine campaign decide ID platform/handle --test-spend N --test-result X, or the API), then run this again.");
            return;
        }
        // Verdicts come keep, drop, not enough data; those with nothing recorded are summed up in one line.
        var unrecorded = verdicts.Count(v => v.Spend is null && v.Result is null);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Handle").AddColumn("Verdict").AddColumn(new TableColumn("Spend").RightAligned()).AddColumn(new TableColumn("Result").RightAligned())
            .AddColumn(new TableColumn("Cost per result").RightAligned()).AddColumn("Why");
        foreach (var v in verdicts.Where(v => v.Spend is not null || v.Result is not null))
        {
            table.AddRow(Markup.Escape("@" + (v.Handle ?? v.AccountId.ToString(CultureInfo.InvariantCulture))), v.Verdict,
                v.Spend is { } s ? KeepRule.FormatMoney((double)s, v.Currency) : "unknown", v.Result is { } r ? Number(r) : "unknown",
                v.CostPerResult is { } c ? KeepRule.FormatMoney(c, v.Currency) : "—", Markup.Escape(v.Reason));
        }
        console.Write(table);
        if (unrecorded > 0)
            console.MarkupLine($"[grey]{Count(unrecorded, "candidate")} without results yet (not enough data).[/]");
    }

    private static string GoalRange(CampaignPlanDocument plan, PlannedCreator c)
    {
        var e = plan.Goal switch
        {
            "awareness" => c.Reach ?? c.Impressions,
            "engagement" => c.Engagements,
            "sales" => c.Revenue,
            _ => null,
        };
        return e is null ? Number(c.Value) : $"{Number(e.Expected)} ({Number(e.Low)}–{Number(e.High)})";
    }

    /// <summary>The plan's expected totals in one line, each saying how many of the chosen creators it covers when not all.</summary>
    internal static string? TotalsLine(PlanTotals totals, int creators)
    {
        var parts = new List<string>();
        void Add(string name, PlanTotal t, string unit = "")
        {
            // A total covers only the creators whose deliverables have that figure (stories have no engagements).
            var covers = t.Creators < creators ? $"; {t.Creators.ToString("N0", CultureInfo.InvariantCulture)} of {Count(creators, "creator")}" : "";
            if (t.Estimate is { } e)
                parts.Add($"{name} {unit}{Number(e.Expected)} ({unit}{Number(e.Low)}–{unit}{Number(e.High)}{covers})");
        }
        Add("impressions", totals.Impressions);
        Add("reach", totals.Reach);
        Add("engagements", totals.Engagements);
        Add("clicks", totals.Clicks);
        Add("conversions", totals.Conversions);
        Add("revenue", totals.Revenue, "$");
        return parts.Count > 0 ? "Expected totals (means), 80% intervals, before overlap: " + string.Join(", ", parts) : null;
    }

    private static void LeftOut(IAnsiConsole console, CampaignPlanDocument plan)
    {
        if (plan.LeftOut.Count == 0)
            return;
        console.MarkupLine($"[grey]{Count(plan.LeftOut.Count, "candidate")} could not be considered: " +
            Markup.Escape(string.Join("; ", plan.LeftOut.Take(5).Select(l => $"@{l.Handle}: {l.Reason}"))) + (plan.LeftOut.Count > 5 ? " …" : "") + "[/]");
    }

    // Cents show only under $100, where rounding to dollars would make different budgets read the same.
    private static string Usd(double value) => "$" + value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    // An amount to reach: never rounded down.
    private static string Count(int n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Number(double value) => value.ToString(value >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
}
