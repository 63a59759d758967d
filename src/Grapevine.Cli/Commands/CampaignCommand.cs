using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary>
/// <c>grapevine campaign create|list|show|edit|duplicate|archive|unarchive|add|remove|decide</c>: campaigns and their
/// candidates through <see cref="CampaignService"/>, as the API offers them. The command line has no sign-in: it is the
/// operator's tool with the whole database, so --workspace names a workspace and a campaign id names its own.
/// </summary>
public static class CampaignCommand
{
    private const string Actor = "grapevine campaign";

    // The clock changes are stamped with; tests set their own.
    internal static TimeProvider Time { get; set; } = TimeProvider.System;

    public static Command Create()
    {
        var command = new Command("campaign",
            "Set up, edit, duplicate and archive campaigns, and choose their candidates (from a search, a saved list or by handle) with your decisions.");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(EditCommand());
        command.Subcommands.Add(DuplicateCommand());
        command.Subcommands.Add(ArchiveCommand("archive", archive: true));
        command.Subcommands.Add(ArchiveCommand("unarchive", archive: false));
        command.Subcommands.Add(AddCommand());
        command.Subcommands.Add(RemoveCommand());
        command.Subcommands.Add(DecideCommand());
        return command;
    }

    private static Option<string> WorkspaceOption() => new("--workspace")
    {
        Description = "The workspace: its id or its exact name.",
        Required = true,
    };

    private static Argument<Guid> IdArgument() => new("ID") { Description = "The campaign's id (grapevine campaign list shows it)." };

    private static Argument<string> AccountArgument() => new("ACCOUNT") { Description = "The candidate as platform/handle (instagram/anna)." };

    private static Command CreateCommand()
    {
        var workspace = WorkspaceOption();
        var setUp = new CampaignOptions();
        var command = new Command("create",
            "Set up a campaign: --name, --brand, --goal and --budget are required (or a --from-json file with the API's body). Prints the new id; --json the whole campaign.")
        {
            workspace,
        };
        setUp.AddTo(command, clear: false);
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var reading = setUp.Read(result, new CampaignInput());
            var workspaceId = await WorkspaceAsync(result, result.GetValue(workspace)!, ct);
            var created = await InWorkspaceAsync(result, workspaceId, async s =>
            {
                try
                {
                    return await s.CreateAsync(reading.Input, ct);
                }
                catch (ArgumentException e) when (e.ParamName is not null)
                {
                    throw Refused(e, setUp, reading);
                }
            }, ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(created);
            else
                Console.WriteLine(created.Id);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var workspace = WorkspaceOption();
        var archived = new Option<bool>("--archived") { Description = "List the archived campaigns instead of the active ones." };
        var command = new Command("list", "A workspace's active campaigns (or archived ones), most recently changed first, with their candidate counts.")
        {
            workspace, archived,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var workspaceId = await WorkspaceAsync(result, result.GetValue(workspace)!, ct);
            var showArchived = result.GetValue(archived);
            var campaigns = await InWorkspaceAsync(result, workspaceId, s => s.ListAsync(showArchived, ct), ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(campaigns);
            else
                RenderList(campaigns, showArchived);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ShowCommand()
    {
        var id = IdArgument();
        // The campaign page's filter and the API's q, decision and tier, so the text table can be cut down to what is being decided.
        var text = new Option<string?>("--text") { Description = "Only candidates with this text in their handle, display name or source (the API's q)." };
        var decision = new Option<string?>("--decision") { Description = $"Only candidates with this decision: {string.Join(", ", CampaignRules.Decisions)}." };
        var tier = new Option<string?>("--tier") { Description = $"Only candidates of this tier, or {CandidateFilter.UnknownTier} when the follower count is unknown." };
        var command = new Command("show",
            "A campaign's whole set-up and its candidates, each with the version decide --if-version takes; --text, --decision and --tier show only some (--json too).")
        {
            id, text, decision, tier,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var filter = new CandidateFilter(result.GetValue(text), result.GetValue(decision), result.GetValue(tier));
            if (filter.DecisionError is { } error)
                throw new CliUsageException($"{decision.Name}: {error}");
            var details = await OnCampaignAsync(result, campaignId, s => s.GetAsync(campaignId, ct), ct);
            var shown = details with { Candidates = [.. details.Candidates.Where(filter.Matches)] };
            if (result.GetValue(GlobalOptions.Json))
                Print(shown);
            else
                RenderDetails(shown, details.Candidates.Count, filter);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command EditCommand()
    {
        var id = IdArgument();
        var setUp = new CampaignOptions();
        var command = new Command("edit",
            "Change a campaign's set-up: only the options given change (--clear empties settings; --from-json replaces the whole set-up, as the API's PUT). Candidates stay.")
        {
            id,
        };
        setUp.AddTo(command, clear: true);
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var edited = await OnCampaignAsync(result, campaignId, async s =>
            {
                var reading = setUp.Read(result, CampaignRules.ToInput(await s.GetAsync(campaignId, ct)));
                if (!reading.Changed)
                    throw new CliUsageException("nothing to change: give the options to change (grapevine campaign edit --help lists them)");
                try
                {
                    return await s.UpdateAsync(campaignId, reading.Input, ct);
                }
                catch (ArgumentException e) when (e.ParamName is not null)
                {
                    throw Refused(e, setUp, reading);
                }
            }, ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(edited);
            else
                Console.WriteLine($"Updated campaign '{edited.Name}' ({edited.Id}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command DuplicateCommand()
    {
        var id = IdArgument();
        var command = new Command("duplicate",
            "Copy a campaign: a new active campaign named \"Copy of …\" with the same set-up and candidates (decisions and gifting kept; no plans, no test results). Prints the new id.")
        {
            id,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var copy = await OnCampaignAsync(result, campaignId, s => s.DuplicateAsync(campaignId, ct), ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(copy);
            else
                Console.WriteLine(copy.Id);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ArchiveCommand(string name, bool archive)
    {
        var id = IdArgument();
        var command = new Command(name, archive
            ? "Archive a campaign: it stays readable and leaves the default list. Prints nothing with --json (the API answers 204)."
            : "Bring an archived campaign back to the list. Prints nothing with --json (the API answers 204).")
        {
            id,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var campaign = await OnCampaignAsync(result, campaignId, async s =>
            {
                await (archive ? s.ArchiveAsync(campaignId, ct) : s.UnarchiveAsync(campaignId, ct));
                return await s.GetAsync(campaignId, ct);
            }, ct);
            if (!result.GetValue(GlobalOptions.Json))
                Console.WriteLine($"{(archive ? "Archived" : "Unarchived")} campaign '{campaign.Name}' ({campaign.Id}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command AddCommand()
    {
        var id = IdArgument();
        var search = new Option<string?>("--search")
        {
            Description = $"Add the results of this search (words, #hashtags, @mentions) with the filters below; at most {CampaignService.MaxSearchCandidates} accounts.",
        };
        var list = new Option<Guid?>("--list") { Description = "Add every account of this saved list of the campaign's workspace (its id)." };
        var account = new Option<string?>("--account") { Description = "Add one catalogue account, platform/handle (instagram/anna)." };
        var filters = new SearchOptions();
        var command = new Command("add",
            "Add candidates from a search (--search and/or filters), a saved list (--list) or one account (--account). Accounts already on the campaign stay as they are.")
        {
            id, search, list, account,
        };
        filters.AddTo(command);
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var bySearch = CampaignOptions.Given(result, search) || CampaignOptions.Given(result, filters.HasEmail) || CampaignOptions.Given(result, filters.Verified)
                || filters.Filters.Values.Any(f => CampaignOptions.Given(result, f));
            var byList = result.GetValue(list);
            var byAccount = result.GetValue(account);
            if ((bySearch ? 1 : 0) + (byList is null ? 0 : 1) + (byAccount is null ? 0 : 1) != 1)
                throw new CliUsageException("give exactly one of --search (or search filters), --list or --account");
            var accountRef = byAccount is null ? null : ParseAccount(byAccount, "--account");
            var added = await OnCampaignAsync(result, campaignId, async s =>
            {
                try
                {
                    if (accountRef is not null)
                        return await s.AddAccountAsync(campaignId, accountRef, ct);
                    if (byList is { } listId)
                        return await s.AddFromListAsync(campaignId, listId, ct);
                    return await s.AddFromSearchAsync(campaignId, filters.Read(result, result.GetValue(search) ?? ""), ct);
                }
                catch (DiscoveryQueryException e)
                {
                    throw new CliUsageException(string.Join(Environment.NewLine + "error: ",
                        e.Errors.Select(f => $"{DiscoveryFields.Option(f.Key)}: {string.Join(" ", f.Value)}")));
                }
                catch (ArgumentException e) when (e.ParamName is "listId" or "handle")
                {
                    // Well-formed, but the workspace or the catalogue has no such list or account: rejected input.
                    throw new InvalidOperationException($"{(e.ParamName == "listId" ? "--list" : "--account")}: {Plain(e)}");
                }
            }, ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(added);
            else
                Console.WriteLine($"Added {Count(added.Added, "candidate")} ({added.Found} found, {added.Found - added.Added} already on the campaign).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RemoveCommand()
    {
        var id = IdArgument();
        var who = new Argument<string[]>("ACCOUNT")
        {
            Description = "The candidates as platform/handle (instagram/anna); several are removed together.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("remove", "Remove one or more candidates from a campaign. Prints nothing with --json (the API answers 204).") { id, who };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var accounts = result.GetValue(who)!.Select(a => ParseAccount(a, "ACCOUNT")).ToList();
            var removed = await OnCampaignAsync(result, campaignId, async s =>
            {
                // Every one must be a candidate before any is removed: a typo removes nothing.
                var candidates = new List<CandidateView>();
                foreach (var account in accounts)
                    candidates.Add(await CandidateAsync(s, campaignId, account, ct));
                await s.RemoveCandidatesAsync(campaignId, [.. candidates.Select(c => c.AccountId)], ct);
                return candidates.DistinctBy(c => c.AccountId).ToList();
            }, ct);
            if (!result.GetValue(GlobalOptions.Json))
            {
                var named = string.Join(", ", removed.Select(c => $"@{c.Handle} ({c.Platform})"));
                Console.WriteLine(removed.Count == 1 ? $"Removed {named} from the campaign." : $"Removed {removed.Count} candidates from the campaign: {named}.");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command DecideCommand()
    {
        var id = IdArgument();
        var who = AccountArgument();
        var decision = new Option<string?>("--decision")
        {
            Description = "open (the planner may choose them), mustinclude or excluded.",
        };
        var gift = new Option<bool>("--gift") { Description = "The creator takes product instead of a fee (--gift false: they do not)." };
        var spend = new Option<decimal?>("--test-spend") { Description = "First test: what the creator was paid (or the gift cost)." };
        var testResult = new Option<double?>("--test-result") { Description = "First test: what they brought, in the goal's unit (reach, engagements, revenue, pieces)." };
        var clearTest = new Option<bool>("--clear-test") { Description = "First test: forget the recorded spend and result (say, typed on the wrong creator)." };
        var ifVersion = new Option<string?>("--if-version")
        {
            Description = "Change the candidate only if it is still at this version (as campaign show and decide print it): a colleague's change since is not overwritten.",
        };
        var command = new Command("decide", "Set a candidate's decision, whether they take gifting, and a first test's spend and result; what is not given stays.")
        {
            id, who, decision, gift, spend, testResult, clearTest, ifVersion,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var campaignId = result.GetValue(id);
            var account = ParseAccount(result.GetValue(who)!, "ACCOUNT");
            var change = new CandidateChange
            {
                Decision = result.GetValue(decision),
                AcceptsGifting = CampaignOptions.Given(result, gift) ? result.GetValue(gift) : null,
            };
            if (result.GetValue(clearTest))
            {
                if (result.GetValue(spend) is not null || result.GetValue(testResult) is not null)
                    throw new CliUsageException("--clear-test forgets the spend and result: leave out --test-spend and --test-result");
                change = change with { TestSpend = null, TestResult = null };
            }
            if (result.GetValue(spend) is { } spent)
                change = change with { TestSpend = spent };
            if (result.GetValue(testResult) is { } brought)
                change = change with { TestResult = brought };
            if (change == new CandidateChange())
                throw new CliUsageException("nothing to change: give --decision, --gift, --test-spend, --test-result or --clear-test");
            var updated = await OnCampaignAsync(result, campaignId, async s =>
            {
                var candidate = await CandidateAsync(s, campaignId, account, ct);
                try
                {
                    return await s.UpdateCandidateAsync(campaignId, candidate.AccountId, change, result.GetValue(ifVersion), ct);
                }
                catch (CandidateChangedException e)
                {
                    var now = e.Current;
                    throw new InvalidOperationException($"@{now.Handle} changed since version {result.GetValue(ifVersion)}: it is now version {now.Version} " +
                        $"({now.Decision}{(now.AcceptsGifting ? ", accepts gifting" : "")}, test spend {(now.TestSpend is { } ts ? Amount(ts) : "none")}, " +
                        $"test result {now.TestResult?.ToString("0.##", CultureInfo.InvariantCulture) ?? "none"}). Nothing was changed; " +
                        $"check it and run decide again with --if-version {now.Version}.");
                }
                catch (ArgumentException e) when (e.ParamName is not null)
                {
                    // Every refused value, one line each, as the API names each field.
                    List<(string Field, string Message)> errors = e is CampaignInputException input
                        ? [.. input.Errors.SelectMany(kv => kv.Value.Select(m => (kv.Key, m)))]
                        : [(e.ParamName, Plain(e))];
                    throw new CliUsageException(string.Join(Environment.NewLine + "error: ", errors.Select(x =>
                        $"{x.Field switch { "testSpend" => spend.Name, "testResult" => testResult.Name, _ => decision.Name }}: {x.Message}")));
                }
            }, ct);
            if (result.GetValue(GlobalOptions.Json))
                Print(updated);
            else
                Console.WriteLine($"@{updated.Handle} ({updated.Platform}): {updated.Decision}{(updated.AcceptsGifting ? ", accepts gifting" : "")}" +
                    (updated.TestSpend is { } s ? $", test spend {Amount(s)}" : "") + (updated.TestResult is { } r ? $", test result {r.ToString("0.##", CultureInfo.InvariantCulture)}" : "") + $" (version {updated.Version}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A workspace by id or exact name; unknown is rejected input (1), an ambiguous name a usage error (2).</summary>
    private static async Task<Guid> WorkspaceAsync(ParseResult result, string text, CancellationToken ct)
    {
        await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
        if (Guid.TryParse(text, out var id) && await db.Workspaces.AnyAsync(w => w.Id == id, ct))
            return id;
        var named = await db.Workspaces.Where(w => w.Name == text).OrderBy(w => w.CreatedAt).Select(w => w.Id).ToListAsync(ct);
        if (named.Count > 1)
            throw new CliUsageException($"--workspace: {named.Count} workspaces are named '{text}'; give one's id: {string.Join(", ", named)}");
        if (named.Count == 1)
            return named[0];
        var names = await db.Workspaces.OrderBy(w => w.Name).Select(w => w.Name).Take(11).ToListAsync(ct);
        var known = names.Count == 0 ? "there are none yet" : "there are " + string.Join(", ", names.Take(10).Select(n => $"'{n}'")) + (names.Count > 10 ? ", …" : "");
        throw new InvalidOperationException($"--workspace: no workspace has the id or name '{text}' ({known})");
    }

    /// <summary>Runs <paramref name="action"/> in the campaign's own workspace.</summary>
    private static async Task<T> OnCampaignAsync<T>(ParseResult result, Guid id, Func<CampaignService, Task<T>> action, CancellationToken ct)
    {
        Guid workspaceId;
        await using (var lookup = await GlobalOptions.OpenDatabaseAsync(result, ct))
        {
            workspaceId = await lookup.Campaigns.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => (Guid?)c.WorkspaceId).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"no campaign with id {id}");
        }
        return await InWorkspaceAsync(result, workspaceId, action, ct);
    }

    private static async Task<T> InWorkspaceAsync<T>(ParseResult result, Guid workspaceId, Func<CampaignService, Task<T>> action, CancellationToken ct)
    {
        var current = new CurrentWorkspace();
        current.Enter(workspaceId, null, Actor, WorkspaceRole.Owner);
        await using var db = new GrapevineDb(GrapevineDatabase.CreateOptions(GlobalOptions.ConnectionString(result)), current);
        try
        {
            return await action(new CampaignService(db, current, new AuditLog(db, current, Time), Time, new DiscoveryService(db, Time)));
        }
        catch (KeyNotFoundException e)
        {
            throw new InvalidOperationException(e.Message);
        }
        catch (WorkspaceRuleException e)
        {
            throw new InvalidOperationException(e.Message);
        }
        catch (CandidateKeepsChangingException e)
        {
            throw new InvalidOperationException(e.Message);
        }
    }

    private static async Task<CandidateView> CandidateAsync(CampaignService campaigns, Guid id, AccountRef account, CancellationToken ct)
    {
        var details = await campaigns.GetAsync(id, ct);
        return details.Candidates.SingleOrDefault(c => c.Platform == account.Platform.Name() && c.Handle == account.Handle)
            ?? throw new InvalidOperationException($"@{account.Handle} ({account.Platform.Name()}) is not a candidate of campaign '{details.Name}'");
    }

    private static AccountRef ParseAccount(string text, string option)
    {
        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !CatalogueNames.TryParsePlatform(parts[0], out var platform) || CatalogueNames.NormalizeHandle(parts[1]).Length == 0)
            throw new CliUsageException($"{option}: '{text}' is not platform/handle (instagram/anna); platforms: {string.Join(", ", CatalogueNames.Platforms)}");
        return new AccountRef(platform, CatalogueNames.NormalizeHandle(parts[1]));
    }

    /// <summary>A value the service refused: named by its option (exit 2), or by the --from-json file's field when it came from there (exit 1).</summary>
    /// <remarks>Every refused field is named, one per line, as the API names them all in one answer.</remarks>
    private static Exception Refused(ArgumentException e, CampaignOptions options, CampaignOptions.Reading reading)
    {
        List<(string Field, string Message)> errors = e is CampaignInputException input
            ? [.. input.Errors.SelectMany(kv => kv.Value.Select(m => (kv.Key, m)))]
            : [(e.ParamName!, Plain(e))];
        bool FromFile(string field) => reading.File is not null && !reading.Given.Contains(field.Split('[', '.')[0]);
        var text = string.Join(Environment.NewLine + "error: ", errors.Select(x =>
            FromFile(x.Field) ? $"{reading.File}: {x.Field}: {x.Message}" : $"{options.OptionFor(x.Field)}: {x.Message}"));
        return errors.Any(x => FromFile(x.Field)) ? new InvalidOperationException(text) : new CliUsageException(text);
    }

    // ArgumentException.Message ends with " (Parameter 'field')"; the option already names it.
    private static string Plain(ArgumentException e) =>
        e.ParamName is { } p && e.Message.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal) ? e.Message[..^$" (Parameter '{p}')".Length] : e.Message;

    private static void Print<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));

    private static void RenderList(List<CampaignSummary> campaigns, bool archived)
    {
        var console = SearchCommand.WideConsole();
        if (campaigns.Count == 0)
        {
            console.MarkupLine(archived ? "No archived campaigns." : "No active campaigns. Set one up with grapevine campaign create --workspace … --name … --brand … --goal … --budget ….");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Id").NoWrap()).AddColumn("Name").AddColumn("Brand").AddColumn("Goal").AddColumn(new TableColumn("Budget").RightAligned()).AddColumn("Dates")
            .AddColumn("Platforms").AddColumn(new TableColumn("Candidates").RightAligned()).AddColumn("Updated");
        foreach (var c in campaigns)
        {
            table.AddRow(c.Id.ToString(), Markup.Escape(c.Name) + (c.FirstTest ? " [grey](first test)[/]" : ""), Markup.Escape(c.Brand), c.Goal,
                $"{Amount(c.Budget)} {c.Currency}", Dates(c.StartsOn, c.EndsOn), Markup.Escape(Known(c.Platforms)), c.Candidates.ToString(CultureInfo.InvariantCulture),
                c.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        console.MarkupLine($"{Count(campaigns.Count, archived ? "archived campaign" : "active campaign")}.");
    }

    /// <summary>The campaign, and the candidates <paramref name="filter"/> let through of its <paramref name="all"/>.</summary>
    private static void RenderDetails(CampaignDetails c, int all, CandidateFilter filter)
    {
        var console = SearchCommand.WideConsole();
        console.MarkupLine($"[bold]{Markup.Escape(c.Name)}[/] [grey]{c.Id}[/]{(c.Archived ? " [yellow](archived)[/]" : "")}");
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value) => grid.AddRow($"[grey]{label}[/]", Markup.Escape(value));
        Row("Brand", c.Brand + (c.BrandValues is null ? "" : $" — {c.BrandValues}"));
        Row("Niches", Known(c.BrandNiches));
        Row("Keywords", Known(c.BrandKeywords));
        Row("Competitors", Known(c.Competitors.Select(h => "@" + h).ToList()));
        Row("Goal", c.Goal + (c.FirstTest ? " (first test)" : ""));
        Row("Budget", $"{Amount(c.Budget)} {c.Currency}");
        Row("Dates", Dates(c.StartsOn, c.EndsOn));
        Row("Platforms", Known(c.Platforms));
        Row("Audience", string.Join("; ", new[]
        {
            c.TargetCountries.Count > 0 ? "countries " + string.Join(", ", c.TargetCountries) : null,
            c.TargetLanguages.Count > 0 ? "languages " + string.Join(", ", c.TargetLanguages) : null,
            c.TargetAgeMin is null && c.TargetAgeMax is null ? null : $"ages {c.TargetAgeMin?.ToString(CultureInfo.InvariantCulture) ?? "any"}–{c.TargetAgeMax?.ToString(CultureInfo.InvariantCulture) ?? "any"}",
            c.TargetGender,
            c.TargetInterests.Count > 0 ? "interests " + string.Join(", ", c.TargetInterests) : null,
        }.OfType<string>().DefaultIfEmpty("anyone")));
        Row("Deliverables", Known(c.Deliverables.Select(d => $"{d.Count}× {d.Deliverable}").ToList()));
        Row("KPI targets", string.Join(", ", new[]
        {
            Kpi("impressions", c.KpiImpressions), Kpi("reach", c.KpiReach), Kpi("engagements", c.KpiEngagements), Kpi("clicks", c.KpiClicks),
            Kpi("conversions", c.KpiConversions), c.KpiRevenue is { } r ? $"revenue {Amount(r)}" : null,
        }.OfType<string>().DefaultIfEmpty("none")));
        Row("Assumptions", string.Join(", ", new[]
        {
            c.ProductCost is { } p ? $"gift costs {Amount(p)}" : null,
            c.ClickThroughRate is { } ctr ? $"CTR {ctr.ToString("0.###%", CultureInfo.InvariantCulture)}" : null,
            c.ConversionRate is { } cvr ? $"conversion rate {cvr.ToString("0.###%", CultureInfo.InvariantCulture)}" : null,
            c.AverageOrderValue is { } aov ? $"order value ${Amount(aov)}" : null,
        }.OfType<string>().DefaultIfEmpty("the reference figures")));
        Row("Created", c.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        Row("Updated", c.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        if (c.ArchivedAt is { } archivedAt)
            Row("Archived", archivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        console.Write(grid);
        if (all == 0)
        {
            console.MarkupLine("No candidates yet: grapevine campaign add ID --search \"…\" | --list LIST_ID | --account platform/handle.");
            return;
        }
        if (c.Candidates.Count == 0)
        {
            console.MarkupLine($"No candidate matches this filter ({Count(all, "candidate")} in all; leave out --text, --decision and --tier to see them).");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Handle").AddColumn("Platform").AddColumn(new TableColumn("Followers").RightAligned()).AddColumn("Tier").AddColumn("Country")
            .AddColumn("Decision").AddColumn("Gifting").AddColumn(new TableColumn($"Test spend ({c.Currency.ToUpperInvariant()})").RightAligned())
            .AddColumn(new TableColumn($"Test result ({Markup.Escape(CampaignRules.TestResultUnit(c.Goal, c.Currency))})").RightAligned())
            .AddColumn("Source").AddColumn(new TableColumn("Version").NoWrap());
        foreach (var k in c.Candidates)
        {
            table.AddRow(Markup.Escape("@" + k.Handle), k.Platform, k.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown", k.Tier ?? "unknown",
                k.Country ?? "unknown", k.Decision, k.AcceptsGifting ? "yes" : "no", k.TestSpend is { } s ? Amount(s) : "none",
                k.TestResult?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "none", Markup.Escape(k.Source), k.Version);
        }
        console.Write(table);
        console.MarkupLine(filter.IsEmpty ? $"{Count(all, "candidate")}." : $"{c.Candidates.Count.ToString("N0", CultureInfo.InvariantCulture)} of {Count(all, "candidate")} match the filter.");
        console.MarkupLine("Change one only if nobody did since: grapevine campaign decide ID platform/handle … --if-version VERSION.");
    }

    private static string Known(IReadOnlyList<string> values) => values.Count == 0 ? "—" : string.Join(", ", values);

    private static string Dates(DateOnly? starts, DateOnly? ends) => starts is null && ends is null ? "—"
        : $"{starts?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} → {ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";

    private static string? Kpi(string name, long? value) => value is { } v ? $"{name} {v.ToString("N0", CultureInfo.InvariantCulture)}" : null;

    private static string Amount(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
