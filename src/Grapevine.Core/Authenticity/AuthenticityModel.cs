using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// A trained follower classifier: its feature schema, tree ensemble, calibrator and threshold. Scores without
/// ML.NET (plain arrays), so a batch of profiles costs about a microsecond each. Saved as a zip holding model.json.
/// </summary>
public sealed class AuthenticityModel : IFollowerClassifier
{
    private const string Entry = "model.json";
    private const int FormatVersion = 1;
    private const int ParallelBatch = 8192;
    private const int Block = 64;
    private static readonly Lazy<AuthenticityModel> Default = new(LoadEmbedded);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public AuthenticityModel(FeatureSchema schema, BoostedTrees trees, float threshold, string description, TrainerSettings settings)
    {
        Schema = schema;
        Trees = trees;
        Threshold = threshold;
        Description = description;
        Settings = settings;
    }

    public FeatureSchema Schema { get; }
    public BoostedTrees Trees { get; }
    public float Threshold { get; }
    public string Description { get; }
    public TrainerSettings Settings { get; }

    /// <summary>The shipped model, trained on SRF Data's 975 labelled Instagram followers (docs/authenticity.md).</summary>
    public static AuthenticityModel LoadDefault() => Default.Value;

    public float PredictFakeProbability(FollowerProfile profile)
    {
        Span<float> features = stackalloc float[Schema.FeatureCount];
        FollowerFeatures.Compute(profile, Schema, features);
        return Trees.Probability(features);
    }

    public void PredictFakeProbabilities(IReadOnlyList<FollowerProfile> profiles, Span<float> probabilities)
    {
        if (probabilities.Length != profiles.Count)
            throw new ArgumentException($"{profiles.Count} profiles but room for {probabilities.Length} probabilities", nameof(probabilities));
        if (profiles.Count < ParallelBatch || Environment.ProcessorCount == 1)
        {
            Score(profiles, 0, profiles.Count, probabilities);
            return;
        }
        var results = new float[profiles.Count];
        var chunks = (profiles.Count + ParallelBatch - 1) / ParallelBatch;
        Parallel.For(0, chunks, c =>
        {
            var start = c * ParallelBatch;
            var end = Math.Min(profiles.Count, start + ParallelBatch);
            Score(profiles, start, end, results.AsSpan(start, end - start));
        });
        results.CopyTo(probabilities);
    }

    private void Score(IReadOnlyList<FollowerProfile> profiles, int start, int end, Span<float> into)
    {
        var width = Schema.FeatureCount;
        var rows = new float[Block * width];
        for (var blockStart = start; blockStart < end; blockStart += Block)
        {
            var count = Math.Min(Block, end - blockStart);
            for (var r = 0; r < count; r++)
                FollowerFeatures.Compute(profiles[blockStart + r], Schema, rows.AsSpan(r * width, width));
            Trees.Probabilities(rows, width, into.Slice(blockStart - start, count));
        }
    }

    public void Save(Stream output)
    {
        var file = new ModelFile(FormatVersion, Settings.Trainer, Settings.Seed, Settings.BalanceClasses, Settings.Bags,
            [.. Schema.Fields.Select(f => f.Name())], [.. Schema.Extras], [.. Schema.FeatureNames], Threshold, Description, Trees);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry(Entry, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero); // same model, same bytes
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, file, JsonOptions);
    }

    public static AuthenticityModel Load(Stream input)
    {
        ModelFile? file;
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry(Entry) ?? throw new AuthenticityDataException($"not an authenticity model: the zip has no {Entry}");
            using var stream = entry.Open();
            file = JsonSerializer.Deserialize<ModelFile>(stream, JsonOptions);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or NotSupportedException)
        {
            throw new AuthenticityDataException($"not an authenticity model file: {e.Message}");
        }
        if (file is null || file.Format != FormatVersion)
            throw new AuthenticityDataException($"unsupported authenticity model format {file?.Format}; this version reads format {FormatVersion}");
        FeatureSchema schema;
        try
        {
            schema = new FeatureSchema(file.Fields.Select(FollowerFields.Parse), file.Extras);
        }
        catch (FormatException e)
        {
            throw new AuthenticityDataException($"the model file names an {e.Message}");
        }
        if (!schema.FeatureNames.SequenceEqual(file.Features))
            throw new AuthenticityDataException("the model file's features do not match what this version computes from its fields");
        var width = schema.FeatureCount;
        if (file.Trees.Trees.Any(t => t.Feature.Any(f => f < 0 || f >= width)))
            throw new AuthenticityDataException("the model file's trees use features it does not list");
        return new AuthenticityModel(schema, file.Trees, file.Threshold, file.Description, new TrainerSettings(file.Trainer, file.Seed, file.BalanceClasses, file.Bags));
    }

    private static AuthenticityModel LoadEmbedded()
    {
        using var stream = typeof(AuthenticityModel).Assembly.GetManifestResourceStream("Grapevine.Core.Authenticity.default-model.zip")
            ?? throw new InvalidOperationException("the default authenticity model is not embedded in Grapevine.Core");
        return Load(stream);
    }

    private sealed record ModelFile(
        int Format,
        TrainerKind Trainer,
        int Seed,
        bool BalanceClasses,
        int Bags,
        string[] Fields,
        string[] Extras,
        string[] Features,
        float Threshold,
        string Description,
        BoostedTrees Trees);
}
