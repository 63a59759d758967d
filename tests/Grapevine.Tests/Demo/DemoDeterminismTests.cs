using System.Text.Json;
using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

public class DemoDeterminismTests
{
    private static readonly DateTime AsOf = DemoSample.AsOf;

    private static string Fingerprint(DemoAccount account) => JsonSerializer.Serialize(new
    {
        account.Account,
        account.Posts,
        account.Snapshots,
        account.Followers,
        account.Comments,
        account.Truth,
        Spikes = account.Truth.FollowerSpikeDates,
        Sponsored = account.Truth.SponsoredPosts,
    });

    [Fact]
    public void Same_seed_and_date_give_identical_rows()
    {
        var a = new DemoGenerator(new DemoOptions(300, 7, AsOf)).Generate().Select(Fingerprint).ToList();
        var b = new DemoGenerator(new DemoOptions(300, 7, AsOf)).Generate().Select(Fingerprint).ToList();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Another_seed_gives_other_rows()
    {
        var a = new DemoGenerator(new DemoOptions(300, 7, AsOf)).Generate().ToList();
        var b = new DemoGenerator(new DemoOptions(300, 8, AsOf)).Generate().ToList();
        var sameHandles = a.Select(x => x.Account.Handle).Intersect(b.Select(x => x.Account.Handle)).Count();
        Assert.True(sameHandles < 60, $"{sameHandles} of 300 handles are the same under another seed");
        Assert.NotEqual(a.Select(x => x.Account.Followers), b.Select(x => x.Account.Followers));
    }

    [Fact]
    public void Accounts_come_out_the_same_in_any_order_and_on_any_thread()
    {
        var generator = new DemoGenerator(new DemoOptions(400, 11, AsOf));
        var inOrder = generator.Generate().Select(Fingerprint).ToList();
        var parallel = new string[400];
        Parallel.For(0, 400, i => parallel[399 - i] = Fingerprint(new DemoGenerator(new DemoOptions(400, 11, AsOf)).Generate(i)));
        parallel.AsSpan().Reverse();
        Assert.Equal(inOrder, parallel);
        Assert.Equal(inOrder[123], Fingerprint(generator.Generate(123)));
    }

    [Fact]
    public void A_longer_catalogue_starts_with_the_shorter_one()
    {
        var small = new DemoGenerator(new DemoOptions(100, 3, AsOf)).Generate().Select(Fingerprint).ToList();
        var large = new DemoGenerator(new DemoOptions(500, 3, AsOf)).Generate().Take(100).Select(Fingerprint).ToList();
        Assert.Equal(small, large);
    }
}
