namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// The index's rows as struct-of-arrays columns: one array per field, row i of every array is one account. Strings
/// are dictionary codes; unknown numbers are NaN (doubles) or <see cref="Unknown"/> (longs). Rows are never moved:
/// an update marks the old row deleted and appends a new one.
/// </summary>
internal sealed class IndexColumns
{
    public const long Unknown = long.MinValue;

    public const byte VerifiedKnown = 1;
    public const byte Verified = 2;
    public const byte HasEmail = 4;
    public const byte HasNiches = 8;
    public const byte Deleted = 16;

    public IndexColumns(int capacity, int nicheWidth)
    {
        Capacity = Math.Max(capacity, 16);
        NicheWidth = nicheWidth;
        Niches = new StringCodes(nicheWidth);
        AccountId = new long[Capacity];
        Platform = new byte[Capacity];
        Tier = new byte[Capacity];
        Country = new ushort[Capacity];
        Language = new ushort[Capacity];
        PrimaryNiche = new byte[Capacity];
        Flags = new byte[Capacity];
        TermCount = new ushort[Capacity];
        Followers = new long[Capacity];
        LastPostedAt = new long[Capacity];
        UpdatedAt = new long[Capacity];
        EngagementRate = new double[Capacity];
        Percentile = new double[Capacity];
        Quality = new double[Capacity];
        Expected = new double[Capacity];
        Price = new double[Capacity];
        Cost = new double[Capacity];
        DefaultBound = new float[Capacity];
        Sponsored = new double[Capacity];
        Growth = new double[Capacity];
        Safety = new double[Capacity];
        NicheScores = new byte[(long)Capacity * NicheWidth];
    }

    public int Capacity { get; private set; }
    public int Count { get; private set; }

    public StringCodes Tiers { get; } = new(byte.MaxValue + 1);
    public StringCodes Countries { get; } = new(ushort.MaxValue + 1);
    public StringCodes Languages { get; } = new(ushort.MaxValue + 1);
    public StringCodes PrimaryNiches { get; } = new(byte.MaxValue + 1);

    /// <summary>The niches of the score matrix: codes 1..<see cref="NicheWidth"/> − 1 (code 0 stays empty).</summary>
    public StringCodes Niches { get; }

    /// <summary>Columns of the dense niche-score matrix, fixed at build (a niche beyond it needs a rebuild).</summary>
    public int NicheWidth { get; }

    public long[] AccountId;
    public byte[] Platform;
    public byte[] Tier;
    public ushort[] Country;
    public ushort[] Language;
    public byte[] PrimaryNiche;
    public byte[] Flags;
    public ushort[] TermCount;
    public long[] Followers;
    public long[] LastPostedAt;
    public long[] UpdatedAt;
    public double[] EngagementRate;
    public double[] Percentile;
    public double[] Quality;
    public double[] Expected;
    public double[] Price;

    /// <summary>
    /// With the default weights before normalisation: engagement, quality, cost (at the estimate) and safety
    /// contributions summed, rounded up to a float. Four bytes a row let a default-weight fit query skip most rows
    /// without reading the four columns (<see cref="IndexSearch"/>).
    /// </summary>
    public float[] DefaultBound;

    /// <summary>The cost component at the estimated price (<see cref="FitScorer.Cost(double, double)"/>), NaN when unknown.</summary>
    public double[] Cost;
    public double[] Sponsored;
    public double[] Growth;
    public double[] Safety;

    /// <summary>Row-major: the score (0–100) of niche code c of row r is at r × <see cref="NicheWidth"/> + c.</summary>
    public byte[] NicheScores;

    /// <summary>Appends a row and returns its index (false when a string column has run out of codes).</summary>
    public bool TryAppend(in IndexRow row, out int index)
    {
        index = -1;
        var tier = Tiers.Encode(row.Tier);
        var country = Countries.Encode(row.Country);
        var language = Languages.Encode(row.Language);
        var niche = PrimaryNiches.Encode(row.PrimaryNiche);
        if (tier < 0 || country < 0 || language < 0 || niche < 0)
            return false;
        if (Count == Capacity)
            Grow(Capacity + Math.Max(1024, Capacity / 8));
        index = Count++;
        AccountId[index] = row.AccountId;
        Platform[index] = (byte)row.Platform;
        Tier[index] = (byte)tier;
        Country[index] = (ushort)country;
        Language[index] = (ushort)language;
        PrimaryNiche[index] = (byte)niche;
        Flags[index] = (byte)((row.IsVerified is null ? 0 : VerifiedKnown) | (row.IsVerified == true ? Verified : 0) | (row.HasEmail ? HasEmail : 0));
        Followers[index] = row.Followers ?? Unknown;
        LastPostedAt[index] = row.LastPostedAt ?? Unknown;
        UpdatedAt[index] = row.UpdatedAtTicks;
        EngagementRate[index] = row.EngagementRate ?? double.NaN;
        Percentile[index] = row.EngagementPercentile ?? double.NaN;
        Quality[index] = row.AudienceQuality ?? double.NaN;
        Expected[index] = row.ExpectedEngagements ?? double.NaN;
        Price[index] = row.PriceEstimate ?? double.NaN;
        Cost[index] = FitScorer.Cost(Expected[index], Price[index]);
        Sponsored[index] = row.SponsoredShare ?? double.NaN;
        Growth[index] = row.Growth ?? double.NaN;
        Safety[index] = row.SafetyScore ?? double.NaN;
        SetDefaultBound(index);
        return true;
    }

    /// <summary>Sets a niche score of a row (false when the niche does not fit the matrix).</summary>
    public bool TrySetNiche(int row, string niche, int score)
    {
        var code = Niches.Encode(niche);
        if (code < 0)
            return false;
        var at = (long)row * NicheWidth;
        NicheScores[at + code] = (byte)Math.Clamp(score, 0, 100);
        if (score > 0)
            Flags[row] |= HasNiches;
        var total = 0;
        for (var n = 0; n < NicheWidth; n++)
            total += NicheScores[at + n];
        MaxNicheTotal = Math.Max(MaxNicheTotal, total);
        return true;
    }

    /// <summary>The largest sum of one row's niche scores (at most 100 by contract; the fit bound does not rely on it).</summary>
    public int MaxNicheTotal { get; private set; }

    /// <summary>A new engagement percentile for a row (NaN: unknown), its default bound with it.</summary>
    public void SetPercentile(int row, double percentile)
    {
        Percentile[row] = percentile;
        SetDefaultBound(row);
    }

    private void SetDefaultBound(int row)
    {
        var w = FitWeights.Default;
        var bound = FitScorer.Contribution(w.Engagement, Percentile[row]) + FitScorer.Contribution(w.Quality, Quality[row])
            + FitScorer.Contribution(w.Cost, Cost[row]) + FitScorer.Contribution(w.Safety, Safety[row]);
        DefaultBound[row] = MathF.BitIncrement((float)bound);
    }

    public bool IsDeleted(int row) => (Flags[row] & Deleted) != 0;

    /// <summary>Bytes held by the arrays (the string dictionaries aside).</summary>
    public long Bytes => (long)Capacity * (8 * 4 + 8 * 9 + 4 + 1 * 4 + 2 * 3) + NicheScores.LongLength;

    private void Grow(int capacity)
    {
        Array.Resize(ref AccountId, capacity);
        Array.Resize(ref Platform, capacity);
        Array.Resize(ref Tier, capacity);
        Array.Resize(ref Country, capacity);
        Array.Resize(ref Language, capacity);
        Array.Resize(ref PrimaryNiche, capacity);
        Array.Resize(ref Flags, capacity);
        Array.Resize(ref TermCount, capacity);
        Array.Resize(ref Followers, capacity);
        Array.Resize(ref LastPostedAt, capacity);
        Array.Resize(ref UpdatedAt, capacity);
        Array.Resize(ref EngagementRate, capacity);
        Array.Resize(ref Percentile, capacity);
        Array.Resize(ref Quality, capacity);
        Array.Resize(ref Expected, capacity);
        Array.Resize(ref Price, capacity);
        Array.Resize(ref Cost, capacity);
        Array.Resize(ref DefaultBound, capacity);
        Array.Resize(ref Sponsored, capacity);
        Array.Resize(ref Growth, capacity);
        Array.Resize(ref Safety, capacity);
        Array.Resize(ref NicheScores, checked(capacity * NicheWidth));
        Capacity = capacity;
    }
}

/// <summary>One search_profiles row as the index reads it.</summary>
internal readonly record struct IndexRow(
    long AccountId,
    Catalogue.Platform Platform,
    string? Tier,
    long? Followers,
    string? Country,
    string? Language,
    bool? IsVerified,
    bool HasEmail,
    string? PrimaryNiche,
    double? EngagementRate,
    double? EngagementPercentile,
    double? AudienceQuality,
    double? ExpectedEngagements,
    double? PriceEstimate,
    long? LastPostedAt,
    double? SponsoredShare,
    double? Growth,
    double? SafetyScore,
    long UpdatedAtTicks);
