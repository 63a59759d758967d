using Grapevine.Core.Authenticity;

namespace Grapevine.Tests.Authenticity;

/// <summary>The shipped SRF Data labelled followers, read with the documented column mapping.</summary>
internal static class SrfData
{
    public static readonly ColumnOptions Columns = new("rating", [], [
        new("username", "Username"), new("posts", "Number.of.posts"), new("following", "Number.of.people.they.follow"),
        new("followers", "Number.of.followers"), new("has_profile_pic", "has_profile_picture"), new("is_private", "Private.account"),
    ], []);

    private static readonly Lazy<LabelledProfiles> Data = new(() =>
        LabelledProfiles.From(RecordTable.Read(TestFiles.RepositoryFile("data", "srf-instagram-followers", "labelled_1000_inclprivate.csv")), Columns));

    public static LabelledProfiles Load() => Data.Value;
}
