using System.Diagnostics;
using Grapevine.Core.Authenticity;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>authenticity</c>: scores N synthetic follower profiles with the shipped model in one batch (the headline
/// profiles_per_s, features derived from the profiles), then compares ML.NET's batch transform with the fast path
/// on the same single ensemble and the same precomputed feature vectors.
/// </summary>
public static class AuthenticityScenario
{
    private const int Runs = 5;

    public static object Run(BenchSettings settings)
    {
        var count = settings.Size ?? 1_000_000;
        var profiles = Generate(count, settings.Seed);
        var model = AuthenticityModel.LoadDefault();
        var probabilities = new float[count];
        model.PredictFakeProbabilities(profiles, probabilities); // warm-up
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var batch = Best(() => model.PredictFakeProbabilities(profiles, probabilities));
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / Runs;
        var fakeShare = probabilities.Count(p => p >= model.Threshold) / (double)count;
        Log($"shipped model ({model.Trees.Trees.Count} trees): {count:N0} profiles in {batch * 1000:0.0} ms = {count / batch:N0} profiles/s ({count / cpuSeconds:N0} per CPU-second, machine load {Load()}); {fakeShare:P1} called fake");

        var single = Best(() =>
        {
            for (var i = 0; i < count; i++)
                probabilities[i] = model.PredictFakeProbability(profiles[i]);
        });
        Log($"one at a time, one thread: {count / single:N0} profiles/s");

        // Same ensemble both ways: one ML.NET LightGBM model trained on the shipped data.
        var training = SrfData();
        var trainingFeatures = training.Profiles.Select(p => FollowerFeatures.Compute(p, training.Schema)).ToArray();
        var transformer = MlNetTreeTrainer.FitTransformer(trainingFeatures, training.IsFake, new TrainerSettings());
        var trees = MlNetTreeTrainer.Extract(transformer);
        var compared = Math.Min(count, 200_000);
        var features = profiles.Take(compared).Select(p => FollowerFeatures.Compute(p, training.Schema)).ToArray();
        float[] mlNet = [];
        MlNetTreeTrainer.Transform(transformer, features[..Math.Min(compared, 1000)]);
        var mlNetSeconds = Best(() => mlNet = MlNetTreeTrainer.Transform(transformer, features), runs: 2);
        var fast = new float[compared];
        var fastSeconds = Best(() =>
        {
            for (var i = 0; i < compared; i++)
                fast[i] = trees.Probability(features[i]);
        });
        // The batch path: rows in blocks of 64, eight at once down each tree where the processor has AVX2.
        var width = features[0].Length;
        var flat = features.SelectMany(f => f).ToArray();
        var blocks = new float[compared];
        var blockSeconds = Best(() =>
        {
            for (var start = 0; start < compared; start += 64)
            {
                var n = Math.Min(64, compared - start);
                trees.Probabilities(flat.AsSpan(start * width, n * width), width, blocks.AsSpan(start, n));
            }
        });
        var maxDifference = Enumerable.Range(0, compared).Max(i => Math.Max(Math.Abs(fast[i] - mlNet[i]), Math.Abs(blocks[i] - mlNet[i])));
        Log($"same {trees.Trees.Count}-tree ensemble on {compared:N0} feature vectors, one thread: ML.NET transform {compared / mlNetSeconds:N0}/s, " +
            $"fast path one row at a time {compared / fastSeconds:N0}/s ({mlNetSeconds / fastSeconds:0.0}x), in blocks {compared / blockSeconds:N0}/s " +
            $"({mlNetSeconds / blockSeconds:0.0}x, vectorised: {System.Runtime.Intrinsics.X86.Avx2.IsSupported}); largest difference {maxDifference:E1}");

        return new Dictionary<string, object>
        {
            ["scenario"] = "authenticity",
            ["profiles"] = count,
            ["profiles_per_s"] = Math.Round(count / batch),
            ["trees"] = model.Trees.Trees.Count,
            ["cores"] = Environment.ProcessorCount,
            ["profiles_per_cpu_s"] = Math.Round(count / cpuSeconds),
            ["single_thread_profiles_per_s"] = Math.Round(count / single),
            ["fake_share"] = Math.Round(fakeShare, 4),
            ["same_ensemble_trees"] = trees.Trees.Count,
            ["mlnet_transform_per_s"] = Math.Round(compared / mlNetSeconds),
            ["fast_path_per_s"] = Math.Round(compared / fastSeconds),
            ["fast_vs_mlnet"] = Math.Round(mlNetSeconds / fastSeconds, 1),
            ["block_path_per_s"] = Math.Round(compared / blockSeconds),
            ["block_vs_mlnet"] = Math.Round(mlNetSeconds / blockSeconds, 1),
            ["vectorised"] = System.Runtime.Intrinsics.X86.Avx2.IsSupported,
            ["max_probability_difference"] = maxDifference,
        };
    }

    private static double Best(Action action, int runs = Runs)
    {
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static LabelledProfiles SrfData()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Grapevine.slnx")))
            folder = Path.GetDirectoryName(folder);
        var path = Path.Combine(folder ?? throw new InvalidOperationException("run from inside the repository"), "data", "srf-instagram-followers", "labelled_1000_inclprivate.csv");
        return LabelledProfiles.From(RecordTable.Read(path), new ColumnOptions("rating", [], [
            new("username", "Username"), new("posts", "Number.of.posts"), new("following", "Number.of.people.they.follow"),
            new("followers", "Number.of.followers"), new("has_profile_pic", "has_profile_picture"), new("is_private", "Private.account"),
        ], []));
    }

    /// <summary>Synthetic followers: mostly ordinary people, some with bot-like handles and counts.</summary>
    private static FollowerProfile[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        string[] names = ["anna", "marco", "lea", "jonas", "sofia", "luca", "mia", "noah", "emma", "elias", "julia", "david"];
        var profiles = new FollowerProfile[count];
        for (var i = 0; i < count; i++)
        {
            var bot = random.NextDouble() < 0.15;
            var name = names[random.Next(names.Length)];
            var username = bot
                ? $"{name}{random.Next(1000, 99999)}"
                : random.Next(3) switch { 0 => $"{name}.{names[random.Next(names.Length)]}", 1 => $"_{name}_{random.Next(100)}", _ => name + names[random.Next(names.Length)] };
            profiles[i] = new FollowerProfile(
                Username: username,
                FullName: bot ? null : $"{name} {names[random.Next(names.Length)]}",
                BioLength: random.Next(0, 150),
                Followers: bot ? random.Next(0, 80) : (long)Math.Exp(random.NextDouble() * 8),
                Following: bot ? random.Next(500, 7500) : (long)Math.Exp(random.NextDouble() * 7),
                Posts: bot ? random.Next(0, 5) : (long)Math.Exp(random.NextDouble() * 6),
                HasProfilePic: !bot || random.NextDouble() < 0.3,
                IsPrivate: random.NextDouble() < 0.3,
                HasExternalUrl: random.NextDouble() < 0.05);
        }
        return profiles;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static void Log(string message) => Console.Error.WriteLine($"[authenticity] {message}");
}
