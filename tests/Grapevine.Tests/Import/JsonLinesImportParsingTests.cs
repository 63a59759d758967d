using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

public class JsonLinesImportParsingTests
{
    private static ParsedFile Parse(string text, ImportKind kind = ImportKind.Posts) => ParsedFile.Parse(text, kind, "file.jsonl");

    [Fact]
    public void Objects_with_strings_numbers_booleans_and_nulls_become_rows()
    {
        var file = Parse(
            """
            {"platform":"instagram","handle":"@Anna","post_id":"p1","posted_at":"2024-05-01T14:30:00Z","type":"reel","caption":"Caf\u00e9 \"time\" #Coffee","likes":120,"comments":"8","views":null,"is_paid_partnership":false}

            {"type":"photo","posted_at":"2024-05-02","post_id":"p2","handle":"anna","platform":"instagram","is_paid_partnership":"yes"}
            """);
        Assert.Equal(
            new PostRow(Platform.Instagram, "anna", "p1", new DateTime(2024, 5, 1, 14, 30, 0, DateTimeKind.Utc), PostType.Reel,
                "Café \"time\" #Coffee", 120, 8, null, null, null, null, null, false),
            file.Lines[0].Row);
        Assert.Equal(3, file.Lines[1].Line);
        Assert.True(Assert.IsType<PostRow>(file.Lines[1].Row).IsPaidPartnership);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("\"instagram,anna\"")]
    [InlineData("null")]
    public void A_line_that_is_not_an_object_is_rejected(string line)
    {
        var file = Parse(line + "\n" + """{"platform":"instagram","handle":"a","post_id":"p","posted_at":"2024-01-01","type":"photo"}""");
        Assert.Equal(ImportProblem.WholeRow, file.Lines[0].Problem!.Field);
        Assert.StartsWith("is not a JSON object", file.Lines[0].Problem!.Message);
        Assert.Null(file.Lines[1].Problem);
    }

    [Theory]
    [InlineData("{\"platform\":\"instagram\",")]
    [InlineData("{platform:\"instagram\"}")]
    [InlineData("{\"platform\":\"instagram\"} {\"handle\":\"a\"}")]
    public void Broken_json_is_rejected_with_the_reason(string line)
    {
        var problem = Parse(line).Single().Problem!;
        Assert.Equal(ImportProblem.WholeRow, problem.Field);
        Assert.StartsWith("is not valid JSON (", problem.Message);
    }

    [Fact]
    public void Unknown_repeated_or_nested_fields_are_rejected_by_name()
    {
        var file = Parse(
            """
            {"platform":"instagram","handle":"a","post_id":"p","posted_at":"2024-01-01","type":"photo","likez":3}
            {"platform":"instagram","handle":"a","handle":"b"}
            {"platform":"instagram","handle":"a","post_id":"p","posted_at":"2024-01-01","type":"photo","likes":{"n":3}}
            """);
        Assert.Equal("likez", file.Lines[0].Problem!.Field);
        Assert.StartsWith("unknown field 'likez'; the posts fields are: platform, handle, post_id", file.Lines[0].Problem!.Message);
        Assert.Equal(new ImportProblem("handle", "appears twice in the object"), file.Lines[1].Problem);
        Assert.Equal(new ImportProblem("likes", "must be a string, number, boolean or null, not an object or array"), file.Lines[2].Problem);
    }

    [Fact]
    public void A_file_whose_first_object_is_another_kinds_is_rejected_as_a_whole_naming_the_kind()
    {
        var accounts = Parse(
            """
            {"platform":"instagram","handle":"anna","followers":1200,"country":"DE"}
            {"platform":"instagram","handle":"bob","followers":900}
            """);
        Assert.Equal(
            "line 1: the fields of the first object (platform, handle, followers, country) are those of an accounts file, not a posts file: import it as accounts.",
            accounts.FileError);
        Assert.Empty(accounts.Lines);

        // After a first object of the right kind, a stray line is rejected alone, and a typo never names a kind.
        var posts = Parse(
            """
            {"platform":"instagram","handle":"a","post_id":"p","posted_at":"2024-01-01","type":"photo"}
            {"platform":"instagram","handle":"anna","followers":1200}
            """);
        Assert.Null(posts.FileError);
        Assert.Equal("followers", posts.Lines[1].Problem!.Field);
        var typo = Parse("""{"platform":"instagram","handle":"a","post_id":"p","posted_at":"2024-01-01","type":"photo","likez":3}""");
        Assert.Null(typo.FileError);
        Assert.Equal("likez", typo.Lines[0].Problem!.Field);
    }

    [Fact]
    public void Numbers_are_checked_like_csv_counts()
    {
        var file = Parse(
            """
            {"platform":"instagram","handle":"a","post_id":"p1","posted_at":"2024-01-01","type":"photo","likes":1.5}
            {"platform":"instagram","handle":"a","post_id":"p2","posted_at":"2024-01-01","type":"photo","likes":-3}
            {"platform":"instagram","handle":"a","post_id":"p3","posted_at":"2024-01-01","type":"photo","likes":123456789012345678901234}
            """);
        Assert.Equal(
            ["'1.5' is not a whole number (digits, optionally grouped in threes as in 12,400 or 12 400; no decimals)", "'-3' is negative; counts are 0 or more",
             "'123456789012345678901234' is beyond the 64-bit range (at most 9223372036854775807)"],
            file.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Counts_as_strings_may_carry_thousands_separators_as_in_csv()
    {
        var file = Parse(
            """
            {"platform":"instagram","handle":"a","post_id":"p1","posted_at":"2024-01-01","type":"photo","likes":"12,400","views":"1 024 000"}
            {"platform":"instagram","handle":"a","post_id":"p2","posted_at":"2024-01-01","type":"photo","likes":"3M"}
            """);
        var post = Assert.IsType<PostRow>(file.Lines[0].Row);
        Assert.Equal((12_400L, 1_024_000L), (post.Likes!.Value, post.Views!.Value));
        Assert.Equal(new ImportProblem("likes", "'3M' is an abbreviated, approximate number; write the exact count in digits (e.g. 1200 or 1,200, not 1.2k)"),
            file.Lines[1].Problem);
    }

    [Fact]
    public void Bom_crlf_and_invalid_utf8_are_handled_per_line()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("{\"platform\":\"instagram\",\"handle\":\"a\"}\r\n{\"platform\":\"instagram\",\"handle\":\"b\",\"bio\":\"x"))
            .Concat(new byte[] { 0xFF })
            .Concat(Encoding.UTF8.GetBytes("\"}\r\n")).ToArray();
        var file = ParsedFile.Parse(bytes, ImportKind.Accounts, "accounts.jsonl");

        Assert.Equal("a", Assert.IsType<AccountRow>(file.Lines[0].Row).Handle);
        Assert.Equal(2, file.Lines[1].Line);
        Assert.Equal("bio", file.Lines[1].Problem!.Field);
        Assert.Contains("not valid UTF-8", file.Lines[1].Problem!.Message);
    }

    [Fact]
    public void Rejected_json_rows_keep_their_values_in_the_column_order()
    {
        var line = Parse("""{"handle":"a","platform":"instagram","likes":-1,"type":"photo","posted_at":"2024-01-01","post_id":"p"}""").Single();
        Assert.Equal<string?>(["instagram", "a", "p", "2024-01-01", "photo", null, "-1", null, null, null, null, null, null, null], line.OriginalValues.AsEnumerable());
    }
}
