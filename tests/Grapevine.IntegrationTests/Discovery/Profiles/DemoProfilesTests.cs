using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Discovery.Profiles;

public class DemoProfilesTests
{
    private static readonly DateTime AsOf = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    [Theory, BothProviders]
    public async Task Profiles_stored_by_the_seeder_equal_those_built_in_memory_from_the_same_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(AsOf.AddHours(9)));
        var options = new DemoOptions(150, 11, AsOf);
        await using var db = database.CreateContext();
        await new DemoSeeder(db, time).SeedAsync(options, null, default);

        var stored = await db.Set<SearchProfile>().AsNoTracking().Include(p => p.Niches).Include(p => p.Terms).ToDictionaryAsync(p => (p.Platform, p.Handle));
        Assert.Equal(150, stored.Count);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var account in new DemoGenerator(options).Generate())
        {
            var saved = stored[(account.Account.Platform, account.Account.Handle)];
            var input = SearchProfileInputs.FromRows(saved.AccountId, account.Account, account.Posts, account.Snapshots, account.Followers, now);
            var built = SearchProfileBuilder.Default.Build(input, now);
            Assert.Equal((built.Tier, built.Followers, built.Country, built.Language, built.IsVerified, built.HasEmail), (saved.Tier, saved.Followers, saved.Country, saved.Language, saved.IsVerified, saved.HasEmail));
            Assert.Equal((built.PrimaryNiche, built.NicheConfidence), (saved.PrimaryNiche, saved.NicheConfidence));
            Assert.Equal(built.Niches.Select(n => (n.Niche, n.Score)).Order(), saved.Niches.Select(n => (n.Niche, n.Score)).Order());
            Assert.Equal(built.Terms.Select(t => (t.Term, t.LastUsedAt, t.Uses)).Order(), saved.Terms.Select(t => (t.Term, t.LastUsedAt, t.Uses)).Order());
            Assert.Equal(built.Words, saved.Words);
            Assert.Equal(built.EngagementRate!.Value, saved.EngagementRate!.Value, 9);
            Assert.Equal((built.ExpectedEngagements, built.PriceEstimate, built.PriceLow, built.PriceHigh, built.LastPostedAt),
                (saved.ExpectedEngagements, saved.PriceEstimate, saved.PriceLow, saved.PriceHigh, saved.LastPostedAt));
            Assert.Equal((built.AudienceQuality, built.SafetyScore, built.SponsoredShare, built.Growth),
                (saved.AudienceQuality, saved.SafetyScore, saved.SponsoredShare, saved.Growth));
            Assert.NotNull(saved.EngagementPercentile);
        }
        Assert.Contains(stored.Values, p => p.AudienceQuality is not null);
    }

    // Chunks are built on the thread pool while the database reads and writes the next and previous ones.
    [Theory, BothProviders]
    public async Task Profiles_refreshed_over_several_chunks_equal_those_built_in_memory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(AsOf.AddHours(9)));
        var options = new DemoOptions(SearchProfileRefresher.BatchSize + 200, 12, AsOf);
        await using var db = database.CreateContext();
        await new DemoSeeder(db, time).SeedAsync(options, null, default);

        var stored = await db.Set<SearchProfile>().AsNoTracking().Include(p => p.Niches).Include(p => p.Terms).ToDictionaryAsync(p => (p.Platform, p.Handle));
        Assert.Equal(options.Creators, stored.Count);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var account in new DemoGenerator(options).Generate())
        {
            var saved = stored[(account.Account.Platform, account.Account.Handle)];
            var built = SearchProfileBuilder.Default.Build(
                SearchProfileInputs.FromRows(saved.AccountId, account.Account, account.Posts, account.Snapshots, account.Followers, now), now);
            Assert.Equal(built.Words, saved.Words);
            Assert.Equal((built.PrimaryNiche, built.NicheConfidence, built.SafetyScore), (saved.PrimaryNiche, saved.NicheConfidence, saved.SafetyScore));
            Assert.Equal(built.Niches.Select(n => (n.Niche, n.Score)).Order(), saved.Niches.Select(n => (n.Niche, n.Score)).Order());
            Assert.Equal(built.Terms.Select(t => (t.Term, t.LastUsedAt, t.Uses)).Order(), saved.Terms.Select(t => (t.Term, t.LastUsedAt, t.Uses)).Order());
        }
    }
}
