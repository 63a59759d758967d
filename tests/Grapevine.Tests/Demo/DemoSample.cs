using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

/// <summary>One demo catalogue shared by the tests of a class (generating it takes a few seconds).</summary>
public sealed class DemoSample
{
    public static readonly DateTime AsOf = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    public const int Size = 6000;

    public DemoSample()
    {
        Generator = new DemoGenerator(new DemoOptions(Size, 42, AsOf));
        Accounts = Generator.Generate().ToList();
    }

    public DemoGenerator Generator { get; }

    public IReadOnlyList<DemoAccount> Accounts { get; }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return QuantileFunction.EmpiricalQuantile(sorted, 0.5);
    }

    /// <summary>ER by followers as DESIGN.md defines it: median over the last 12 feed posts of (likes + comments) / followers × 100.</summary>
    public static double? ErByFollowers(DemoAccount account)
    {
        var feed = account.Posts.Where(p => p.Type != Grapevine.Core.Catalogue.PostType.Story)
            .OrderByDescending(p => p.PostedAt).Take(12).ToList();
        if (feed.Count == 0)
            return null;
        return Median(feed.Select(p => (p.Likes!.Value + p.Comments!.Value) * 100.0 / account.Account.Followers!.Value));
    }
}
