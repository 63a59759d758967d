namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// The demo catalogue, generated purely from (seed, index) and the as-of date: the same options always give
/// the same rows, account by account, in any order and on any thread. Handles are settled for all accounts
/// up front (cheaply) so that they are unique; everything else is generated on demand.
/// </summary>
public sealed class DemoGenerator
{
    /// <summary>Days of history before the as-of date (about six months).</summary>
    public const int HistoryDays = 182;

    public const double FakeAudienceShare = 0.09;
    public const double ViralShare = 0.06;
    public const double InactiveShare = 0.06;
    public const double CategoryFilledShare = 0.6;
    public const double FollowerSampleShare = 0.2;
    public const double CommentSampleShare = 0.3;

    private const int IdentityStream = 1;
    private const int HandleStream = 2;
    private const int AccountStream = 3;

    private readonly DemoOptions _options;
    private readonly DemoCalibration _calibration;
    private readonly DemoFollowerModel _followers;
    private readonly DemoFollowerProfiles _realProfiles;
    private readonly DemoFollowerProfiles _fakeProfiles;
    private readonly DateTime _asOf;
    private readonly Lazy<DemoIdentity[]> _identities;
    private readonly (DemoNiche Niche, double Weight)[] _niches;

    public DemoGenerator(DemoOptions options, DemoCalibration? calibration = null, bool reweightTiers = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Creators);
        _options = options;
        _calibration = calibration ?? DemoCalibration.Default;
        _followers = new DemoFollowerModel(_calibration, reweightTiers);
        _realProfiles = new DemoFollowerProfiles(_calibration, fake: false);
        _fakeProfiles = new DemoFollowerProfiles(_calibration, fake: true);
        _asOf = options.AsOf.Kind == DateTimeKind.Utc ? options.AsOf : DateTime.SpecifyKind(options.AsOf, DateTimeKind.Utc);
        _niches = DemoNiches.All
            .Select(n => (n, _calibration.Category(n.DatasetCategory).Share * n.ShareOfCategory))
            .ToArray();
        _identities = new Lazy<DemoIdentity[]>(BuildIdentities);
    }

    public int Count => _options.Creators;

    public DateTime AsOf => _asOf;

    /// <summary>All accounts in index order.</summary>
    public IEnumerable<DemoAccount> Generate()
    {
        for (var i = 0; i < Count; i++)
            yield return Generate(i);
    }

    public DemoAccount Generate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var identity = _identities.Value[index];
        var random = DemoRandom.For(_options.Seed, index, AccountStream);
        return new DemoAccountBuilder(identity, random, _asOf, _followers, _realProfiles, _fakeProfiles).Build();
    }

    private DemoIdentity[] BuildIdentities()
    {
        var identities = new DemoIdentity[Count];
        var taken = new HashSet<(Platform, string)>();
        var nicheWeights = _niches.Select(n => n.Weight).ToArray();
        var countryWeights = DemoCountries.All.Select(c => c.Weight).ToArray();
        for (var i = 0; i < Count; i++)
        {
            var random = DemoRandom.For(_options.Seed, i, IdentityStream);
            var niche = _niches[random.PickWeighted(nicheWeights)].Niche;
            var platform = (Platform)random.PickWeighted(niche.PlatformWeights);
            var country = DemoCountries.All[random.PickWeighted(countryWeights)];
            var language = country.Languages[random.PickWeighted(country.Languages.Select(l => l.Weight).ToArray())].Language;
            // Names follow the language, with some mixing (people move, names travel).
            var nameLanguage = random.Chance(0.85) ? language : random.Pick(DemoCountries.FirstNames.Keys.ToArray());
            var first = random.Pick(DemoCountries.FirstNames[nameLanguage]);
            var last = random.Pick(DemoCountries.LastNames[nameLanguage]);
            var handle = DemoUsernames.CreatorHandle(random, first, last, random.Pick(niche.HandleWords));
            var disambiguation = DemoRandom.For(_options.Seed, i, HandleStream);
            while (!taken.Add((platform, handle)))
                handle = DemoUsernames.Disambiguate(disambiguation, handle);
            identities[i] = new DemoIdentity(i, niche, platform, country.Code, language, first, last, handle);
        }
        return identities;
    }
}
