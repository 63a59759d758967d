using System.Globalization;

namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Fits <see cref="DemoCalibration"/> from the research data sets: Kim et al. 2020's influencers.txt
/// (Username, Category, #Followers, #Followees, #Posts) and SRF's labelled followers CSV.
/// Reads rows, keeps only quantiles and rates.
/// </summary>
public static class DemoCalibrationFitter
{
    public static readonly double[] Probabilities =
        [0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 1];

    /// <summary>Lower edges of the log10(followers) bands that following and posts are conditioned on.</summary>
    public static readonly double[] BandEdges = [3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0];

    // The outermost knots are taken slightly inside the sample so that no single row's value is stored.
    private const double TailTrim = 0.0025;

    public static DemoCalibration Fit(TextReader influencers, TextReader followers)
    {
        var accounts = ReadInfluencers(influencers);
        var profiles = ReadFollowerProfiles(followers);

        var categories = accounts
            .GroupBy(a => a.Category)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategoryFit(g.Key, g.Count(), Math.Round((double)g.Count() / accounts.Count, 5),
                Quantiles(g.Select(a => Math.Log10(a.Followers)))))
            .ToList();

        return new DemoCalibration(
            $"Kim et al. 2020 influencers ({accounts.Count} accounts, research use); SRF Data 2017 labelled followers ({profiles.Count} profiles, CC BY-SA 4.0). Quantiles and rates only.",
            Probabilities,
            categories,
            Bands(accounts, a => a.Following),
            Bands(accounts, a => a.Posts),
            ProfileFit(profiles.Where(p => !p.IsFake).ToList()),
            ProfileFit(profiles.Where(p => p.IsFake).ToList()));
    }

    public static int BandOf(double log10Followers)
    {
        var band = 0;
        for (var i = 1; i < BandEdges.Length; i++)
        {
            if (log10Followers >= BandEdges[i])
                band = i;
        }
        return band;
    }

    internal static double[] Quantiles(IEnumerable<double> sample)
    {
        var sorted = sample.Order().ToArray();
        return Probabilities.Select(p => Math.Round(QuantileFunction.EmpiricalQuantile(sorted, Math.Clamp(p, TailTrim, 1 - TailTrim)), 4)).ToArray();
    }

    private static List<BandFit> Bands(List<InfluencerRecord> accounts, Func<InfluencerRecord, long> value) =>
        accounts
            .GroupBy(a => BandOf(Math.Log10(a.Followers)))
            .OrderBy(g => g.Key)
            .Select(g => new BandFit(BandEdges[g.Key], g.Count(), Quantiles(g.Select(a => Math.Log10(value(a) + 1)))))
            .ToList();

    private static FollowerProfileFit ProfileFit(List<FollowerRecord> rows)
    {
        double[][] columns =
        [
            rows.Select(r => Math.Log10(r.Posts + 1)).ToArray(),
            rows.Select(r => Math.Log10(r.Following + 1)).ToArray(),
            rows.Select(r => Math.Log10(r.Followers + 1)).ToArray(),
        ];
        var spearman = new double[3][];
        for (var i = 0; i < 3; i++)
        {
            spearman[i] = new double[3];
            for (var j = 0; j < 3; j++)
                spearman[i][j] = i == j ? 1 : Math.Round(Spearman(columns[i], columns[j]), 4);
        }
        return new FollowerProfileFit(
            rows.Count,
            Quantiles(columns[0]),
            Quantiles(columns[1]),
            Quantiles(columns[2]),
            spearman,
            Rate(rows, r => r.HasProfilePic),
            Rate(rows, r => r.IsPrivate),
            Rate(rows, r => DemoUsernames.IsDigitHeavy(r.Username)));
    }

    private static double Rate(List<FollowerRecord> rows, Func<FollowerRecord, bool> feature) =>
        Math.Round((double)rows.Count(feature) / rows.Count, 4);

    private static string Unquote(string field) => field.Trim().Trim('"');

    internal static double Spearman(double[] x, double[] y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
                end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    internal sealed record InfluencerRecord(string Category, long Followers, long Following, long Posts);

    internal sealed record FollowerRecord(string Username, bool IsFake, long Posts, long Following, long Followers, bool HasProfilePic, bool IsPrivate);

    internal static List<InfluencerRecord> ReadInfluencers(TextReader reader)
    {
        var rows = new List<InfluencerRecord>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line) || line.StartsWith('='))
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 5
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var followers)
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var following)
                || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var posts)
                || followers <= 0)
                throw new InvalidDataException($"influencers line {lineNumber}: expected Username, Category, #Followers (> 0), #Followees, #Posts separated by tabs.");
            rows.Add(new InfluencerRecord(CleanCategory(fields[1]), followers, following, posts));
        }
        if (rows.Count == 0)
            throw new InvalidDataException("influencers: no rows.");
        return rows;
    }

    // The data set has two stray labels ("fasion", "fashion 0.5"); both are fashion.
    internal static string CleanCategory(string raw)
    {
        var word = raw.Trim().Split(' ')[0].ToLowerInvariant();
        return word == "fasion" ? "fashion" : word;
    }

    // SRF's file is plain: quoted fields without commas or quotes inside, so a split is enough.
    internal static List<FollowerRecord> ReadFollowerProfiles(TextReader reader)
    {
        var header = (reader.ReadLine() ?? "").Split(',').Select(Unquote).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"followers line 1: no column '{name}'.");
        int username = Column("Username"), rating = Column("rating"), posts = Column("Number.of.posts"),
            following = Column("Number.of.people.they.follow"), followers = Column("Number.of.followers"),
            picture = Column("has_profile_picture"), isPrivate = Column("Private.account");
        var rows = new List<FollowerRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var f = line.Split(',').Select(Unquote).ToArray();
            if (f.Length != header.Count
                || !bool.TryParse(f[rating], out var fake)
                || !long.TryParse(f[posts], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                || !long.TryParse(f[following], NumberStyles.None, CultureInfo.InvariantCulture, out var g)
                || !long.TryParse(f[followers], NumberStyles.None, CultureInfo.InvariantCulture, out var r)
                || !bool.TryParse(f[picture], out var pic)
                || !bool.TryParse(f[isPrivate], out var priv))
                throw new InvalidDataException($"followers line {lineNumber}: expected {header.Count} fields with TRUE/FALSE rating, picture and private, and whole-number counts.");
            rows.Add(new FollowerRecord(f[username], fake, p, g, r, pic, priv));
        }
        if (rows.Count(r => r.IsFake) == 0 || rows.Count(r => !r.IsFake) == 0)
            throw new InvalidDataException("followers: need both real (rating FALSE) and fake (rating TRUE) rows.");
        return rows;
    }
}
