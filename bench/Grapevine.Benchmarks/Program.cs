using System.CommandLine;
using System.Text.Json;
using Grapevine.Benchmarks;

// dotnet run -c Release --project bench/Grapevine.Benchmarks -- <scenario> [--size N] [--seed S]
// Prints progress on stderr and one JSON object as the last line of stdout.
var scenario = new Argument<string>("scenario") { Description = "import, authenticity, vetting, niches, discovery, discovery-answer, discovery-safety, forecasts or planner" };
var size = new Option<int?>("--size") { Description = "How many rows/accounts (scenario default when omitted)." };
var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL server connection string (default: $GRAPEVINE_TEST_POSTGRES)." };
var postgresSql = new Option<string?>("--postgres-sql")
{
    Description = "import: SQL run on the fresh PostgreSQL database after its migrations, before the imports (schema experiments; recorded in the output).",
};
var root = new RootCommand("Grapevine scenario benchmarks") { scenario, size, seed, postgres, postgresSql };
root.SetAction(async (result, ct) =>
{
    var settings = new BenchSettings(
        result.GetValue(size),
        result.GetValue(seed),
        result.GetValue(postgres) ?? Environment.GetEnvironmentVariable("GRAPEVINE_TEST_POSTGRES"),
        result.GetValue(postgresSql));
    object output = result.GetValue(scenario) switch
    {
        "import" => await ImportScenario.RunAsync(settings, ct),
        "authenticity" => AuthenticityScenario.Run(settings),
        "vetting" => await VettingScenario.RunAsync(settings, ct),
        "planner" => PlannerScenario.Run(settings),
        "niches" => NichesScenario.Run(settings),
        "discovery" => await DiscoveryScenario.RunAsync(settings, ct),
        "discovery-answer" => await DiscoveryAnswerScenario.RunAsync(settings, ct),
        "discovery-safety" => await SafetyListsScenario.RunAsync(settings, ct),
        "forecasts" => ForecastsScenario.Run(settings),
        _ => throw new ArgumentException($"unknown scenario '{result.GetValue(scenario)}'"),
    };
    Console.WriteLine(JsonSerializer.Serialize(output));
    return 0;
});
return await root.Parse(args).InvokeAsync();
