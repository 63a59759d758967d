using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

public class DuplicateKeysTests
{
    [Fact]
    public void A_repeated_key_names_the_line_it_was_first_seen_on()
    {
        var keys = new DuplicateKeys();
        Assert.Null(keys.Register(DuplicateKeys.Of(Platform.Instagram, "anna", "p1"), 2));
        Assert.Null(keys.Register(DuplicateKeys.Of(Platform.Instagram, "anna", "p2"), 3));
        Assert.Equal(2, keys.Register(DuplicateKeys.Of(Platform.Instagram, "anna", "p1"), 9));
        Assert.Equal(2, keys.Register(DuplicateKeys.Of(Platform.Instagram, "anna", "p1"), 12));
    }

    [Fact]
    public void Keys_that_differ_in_any_part_or_in_where_the_parts_split_are_different()
    {
        DuplicateKeys.Fingerprint[] keys =
        [
            DuplicateKeys.Of(Platform.Instagram, "anna", "p1"),
            DuplicateKeys.Of(Platform.TikTok, "anna", "p1"),
            DuplicateKeys.Of(Platform.Instagram, "ann", "ap1"),
            DuplicateKeys.Of(Platform.Instagram, "anna", "P1"),
            DuplicateKeys.Of(Platform.Instagram, "anna", 638500000000000000),
            DuplicateKeys.Of(Platform.Instagram, "anna", 638500000000000001),
            DuplicateKeys.Of(Platform.Instagram, "anna"),
        ];
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void A_hundred_thousand_distinct_keys_never_collide()
    {
        var keys = new DuplicateKeys();
        for (var i = 0; i < 100_000; i++)
            Assert.Null(keys.Register(DuplicateKeys.Of(Platform.Instagram, $"creator_{i % 2000}", $"P{i:D9}"), i + 2));
    }
}
