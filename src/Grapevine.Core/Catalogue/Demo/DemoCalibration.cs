using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Fitted parameters the demo generator draws from (calibration.json, written by <c>grapevine demo calibrate</c>).
/// Only quantiles and rates are stored, never rows of the source data sets.
/// </summary>
public sealed record DemoCalibration(
    string Source,
    double[] Probabilities,
    IReadOnlyList<CategoryFit> Categories,
    IReadOnlyList<BandFit> FollowingByFollowers,
    IReadOnlyList<BandFit> PostsByFollowers,
    FollowerProfileFit RealFollowers,
    FollowerProfileFit FakeFollowers)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly Lazy<DemoCalibration> Embedded = new(LoadEmbedded);

    /// <summary>The calibration shipped with Grapevine.</summary>
    public static DemoCalibration Default => Embedded.Value;

    public CategoryFit Category(string name) =>
        Categories.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No calibration for category '{name}'.");

    /// <summary>The distribution whose quantiles at <see cref="Probabilities"/> are <paramref name="values"/>.</summary>
    public QuantileFunction Quantiles(double[] values) => new(Probabilities, values);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DemoCalibration FromJson(string json) =>
        JsonSerializer.Deserialize<DemoCalibration>(json, Json) ?? throw new InvalidDataException("The calibration file is empty.");

    private static DemoCalibration LoadEmbedded()
    {
        using var stream = typeof(DemoCalibration).Assembly.GetManifestResourceStream("Grapevine.Core.Catalogue.Demo.calibration.json")
            ?? throw new InvalidOperationException("calibration.json is not embedded in Grapevine.Core.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }
}

/// <summary>One category of the influencer data set: its share of rows and the quantiles of log10(followers).</summary>
public sealed record CategoryFit(string Name, int Rows, double Share, double[] Log10Followers);

/// <summary>Quantiles of log10(value + 1) for accounts whose log10(followers) is at least <c>MinLog10Followers</c> (up to the next band).</summary>
public sealed record BandFit(double MinLog10Followers, int Rows, double[] Log10Values);

/// <summary>
/// Profiles of one class (real or fake) of followers: quantiles of log10(count + 1) of posts, following and
/// followers, their Spearman rank correlations (posts, following, followers), and the rates of binary features.
/// </summary>
public sealed record FollowerProfileFit(
    int Rows,
    double[] Log10Posts,
    double[] Log10Following,
    double[] Log10Followers,
    double[][] Spearman,
    double HasProfilePic,
    double IsPrivate,
    double DigitHeavyUsername);
