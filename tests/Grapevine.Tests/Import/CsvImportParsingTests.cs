using System.Text;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

public class CsvImportParsingTests
{
    private const string PostsHeader = "platform,handle,post_id,posted_at,type,caption,likes,comments,shares,saves,views,reach,impressions,is_paid_partnership";

    [Fact]
    public void Every_post_column_lands_in_its_field()
    {
        var file = ParsedFile.Parse(
            PostsHeader + "\n" +
            "Instagram,@Anna.Bakes,Cx1_aB,2024-05-01T14:30:00+02:00,Reel,\"Hi, #cake\",1,2,3,4,5,6,7,yes\n",
            ImportKind.Posts);

        var line = file.Single();
        Assert.Equal(2, line.Line);
        Assert.Null(line.Problem);
        Assert.Equal(
            new PostRow(Platform.Instagram, "anna.bakes", "Cx1_aB", new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc), PostType.Reel,
                "Hi, #cake", 1, 2, 3, 4, 5, 6, 7, true),
            line.Row);
    }

    [Fact]
    public void Every_account_column_lands_in_its_field_and_empty_cells_are_unknown()
    {
        var file = ParsedFile.Parse(
            "platform,handle,display_name,followers,following,posts_count,country,language,bio,email,external_url,is_verified,is_private,has_profile_pic,category\n" +
            "tiktok,bob,Bob B,1000,20,30,br,PT-BR,\" hi \",bob@example.com,https://bob.example,0,no,true,food\n" +
            "x,carl,,,,,,,,,,,,,\n",
            ImportKind.Accounts);

        Assert.Equal(
            new AccountRow(Platform.TikTok, "bob", "Bob B", 1000, 20, 30, "BR", "pt-br", " hi ", "bob@example.com", "https://bob.example",
                false, false, true, "food"),
            file.Lines[0].Row);
        Assert.Equal(
            new AccountRow(Platform.X, "carl", null, null, null, null, null, null, null, null, null, null, null, null, null),
            file.Lines[1].Row);
    }

    [Fact]
    public void Counts_exported_with_thousands_separators_land_as_numbers_and_abbreviations_are_refused_as_approximate()
    {
        var file = ParsedFile.Parse(
            "platform,handle,followers,following,posts_count\n" +
            "instagram,anna,\"12,400\",1 024,\"1,234,567\"\n" +
            "instagram,bob,12\u00A0400,\"12 400\",7\n" +
            "instagram,carl,1.2k,1,2\n",
            ImportKind.Accounts);

        var anna = Assert.IsType<AccountRow>(file.Lines[0].Row);
        Assert.Equal((12_400L, 1_024L, 1_234_567L), (anna.Followers!.Value, anna.Following!.Value, anna.PostsCount!.Value));
        var bob = Assert.IsType<AccountRow>(file.Lines[1].Row);
        Assert.Equal((12_400L, 12_400L), (bob.Followers!.Value, bob.Following!.Value));
        Assert.Equal(new ImportProblem("followers", "'1.2k' is an abbreviated, approximate number; write the exact count in digits (e.g. 1200 or 1,200, not 1.2k)"),
            file.Lines[2].Problem);
    }

    [Fact]
    public void Snapshot_follower_and_comment_columns_land_in_their_fields()
    {
        Assert.Equal(
            new SnapshotRow(Platform.YouTube, "chef", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 10, 20, 30),
            ParsedFile.Parse("platform,handle,at,followers,following,posts_count\nyoutube,chef,2024-01-02,10,20,30\n", ImportKind.Snapshots).Single().Row);
        Assert.Equal(
            new FollowerRow(Platform.Instagram, "anna", "fan_1", "Fan One", 1, 2, 3, true, false, 12, false),
            ParsedFile.Parse(
                "platform,handle,follower_username,full_name,followers,following,posts_count,has_profile_pic,is_private,bio_length,has_external_url\n" +
                "instagram,anna,@Fan_1,Fan One,1,2,3,1,0,12,no\n", ImportKind.Followers).Single().Row);
        Assert.Equal(
            new CommentRow(Platform.Instagram, "anna", "p1", "c1", "fan_1", "so good!", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
            ParsedFile.Parse("platform,handle,post_id,comment_id,author,text,posted_at\ninstagram,anna,p1,c1,@Fan_1,so good!,2024-01-02T03:04:05Z\n",
                ImportKind.Comments).Single().Row);
    }

    [Fact]
    public void A_comment_author_is_a_handle_without_spaces_or_commas()
    {
        var file = ParsedFile.Parse("platform,handle,post_id,comment_id,author\ninstagram,anna,p1,c1,a b\ninstagram,anna,p1,c2,\"a,b\"\ninstagram,anna,p1,c3,\n",
            ImportKind.Comments);
        Assert.Equal(new ImportProblem("author", "'a b' is not a valid handle (no spaces or commas)"), file.Lines[0].Problem);
        Assert.Equal(new ImportProblem("author", "'a,b' is not a valid handle (no spaces or commas)"), file.Lines[1].Problem);
        Assert.Null(Assert.IsType<CommentRow>(file.Lines[2].Row).Author);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_optional_ones_may_be_left_out()
    {
        var file = ParsedFile.Parse("type,posted_at,post_id,handle,platform\nphoto,2024-05-01,p1,anna,instagram\n", ImportKind.Posts);
        var row = Assert.IsType<PostRow>(file.Single().Row);
        Assert.Equal(("anna", "p1", PostType.Photo), (row.Handle, row.PostId, row.Type));
        Assert.Null(row.Likes);
        Assert.Null(row.Caption);
    }

    [Fact]
    public void Unknown_columns_reject_the_file_naming_them()
    {
        var file = ParsedFile.Parse("platform,handle,folowers,extra\ninstagram,anna,1,2\n", ImportKind.Accounts);
        Assert.NotNull(file.FileError);
        Assert.Contains("unknown columns 'folowers', 'extra'", file.FileError);
        Assert.Contains("platform,handle,display_name,followers", file.FileError);
        Assert.Empty(file.Lines);
    }

    [Fact]
    public void Missing_required_columns_reject_the_file_naming_them()
    {
        var file = ParsedFile.Parse("platform,handle,caption\ninstagram,anna,hello\n", ImportKind.Posts);
        Assert.Equal(
            "line 1: missing required columns 'post_id', 'posted_at', 'type' (a posts file needs platform,handle,post_id,posted_at,type)",
            file.FileError);
    }

    [Fact]
    public void A_header_of_another_kind_says_which_kind_to_import_it_as()
    {
        var comments = ParsedFile.Parse("platform,handle,post_id,comment_id,author,text\ninstagram,anna,p1,c1,bob,nice\n", ImportKind.Posts);
        Assert.EndsWith("This is the header of a comments file: import it as comments.", comments.FileError);
        Assert.Empty(comments.Lines);

        // Every column is a snapshot's too, but the snapshot's date is missing: an accounts file.
        var accounts = ParsedFile.Parse("platform,handle,followers\ninstagram,anna,1200\n", ImportKind.Snapshots);
        Assert.Equal(
            "line 1: missing required column 'at' (a snapshots file needs platform,handle,at). This is the header of an accounts file: import it as accounts.",
            accounts.FileError);

        // A typo is not another kind: no such hint.
        Assert.DoesNotContain("header of", ParsedFile.Parse("platform,handle,folowers\ninstagram,anna,1\n", ImportKind.Accounts).FileError);
    }

    [Fact]
    public void A_file_without_a_header_is_rejected_as_a_whole()
    {
        var file = ParsedFile.Parse("instagram,anna,1000\ninstagram,bob,2000\n", ImportKind.Accounts);
        Assert.StartsWith("line 1: unknown columns 'instagram', 'anna', '1000'. The first line must be the header", file.FileError);
    }

    [Fact]
    public void A_header_naming_a_column_twice_or_with_a_blank_name_is_rejected()
    {
        Assert.Equal("line 1: column 'handle' appears twice in the header",
            ParsedFile.Parse("platform,handle,HANDLE\n", ImportKind.Accounts).FileError);
        Assert.StartsWith("line 1: column 3 of the header has no name",
            ParsedFile.Parse("platform,handle,,followers\n", ImportKind.Accounts).FileError);
    }

    [Fact]
    public void Semicolon_separated_files_get_a_hint()
    {
        var file = ParsedFile.Parse("platform;handle\ninstagram;anna\n", ImportKind.Accounts);
        Assert.Contains("Columns must be separated by commas.", file.FileError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\r\n  ")]
    [InlineData("\uFEFF")]
    public void Empty_files_are_rejected(string content)
    {
        Assert.Equal("the file is empty", ParsedFile.Parse(content, ImportKind.Accounts).FileError);
        Assert.Equal("the file is empty", ParsedFile.Parse([], ImportKind.Posts).FileError);
    }

    [Fact]
    public void A_header_without_rows_is_a_valid_file_with_nothing_to_import()
    {
        var file = ParsedFile.Parse("platform,handle\n", ImportKind.Accounts);
        Assert.Null(file.FileError);
        Assert.Empty(file.Lines);
    }

    [Fact]
    public void Utf8_bom_and_crlf_line_ends_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "platform,handle,display_name,bio\r\ninstagram,zoë,Zoë,\"two\r\nlines\"\r\n\r\ntiktok,bob,Bob,\r\n")).ToArray();
        var file = ParsedFile.Parse(bytes, ImportKind.Accounts);

        Assert.Null(file.FileError);
        Assert.Equal([2L, 5L], file.Lines.Select(l => l.Line));
        var zoe = Assert.IsType<AccountRow>(file.Lines[0].Row);
        Assert.Equal(("zoë", "Zoë", "two\r\nlines"), (zoe.Handle, zoe.DisplayName, zoe.Bio));
        Assert.Equal("Bob", Assert.IsType<AccountRow>(file.Lines[1].Row).DisplayName);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_reject_the_row_naming_line_and_field()
    {
        var bytes = Encoding.UTF8.GetBytes("platform,handle,display_name\ninstagram,anna,Anna\ninstagram,bob,B")
            .Concat(new byte[] { 0xE9, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("b\ninstagram,carl,Carl\n")).ToArray();
        var file = ParsedFile.Parse(bytes, ImportKind.Accounts);

        Assert.Null(file.Lines[0].Problem);
        Assert.Equal(3, file.Lines[1].Line);
        Assert.Equal(new ImportProblem("display_name", "contains bytes that are not valid UTF-8 (save the file as UTF-8)"), file.Lines[1].Problem);
        Assert.Null(file.Lines[2].Problem);
    }

    [Fact]
    public void A_stray_quote_rejects_only_its_row()
    {
        var file = ParsedFile.Parse("platform,handle,display_name\ninstagram,anna,Anna \"the\" baker\ninstagram,bob,Bob\n", ImportKind.Accounts);
        Assert.Equal(ImportProblem.WholeRow, file.Lines[0].Problem!.Field);
        Assert.Contains("stray quote", file.Lines[0].Problem!.Message);
        Assert.Null(file.Lines[1].Problem);
    }

    [Fact]
    public void An_unclosed_quote_rejects_the_whole_file_naming_its_line()
    {
        var file = ParsedFile.Parse("platform,handle,display_name\ninstagram,anna,Anna\ninstagram,bob,\"Bob\ninstagram,carl,Carl\n", ImportKind.Accounts);
        Assert.StartsWith("line 3: unbalanced quotes: a quoted field that starts on this line is never closed", file.FileError);
    }

    [Fact]
    public void A_row_with_too_few_or_too_many_fields_is_rejected()
    {
        var file = ParsedFile.Parse("platform,handle,followers\ninstagram,anna\ninstagram,bob,1,2\n", ImportKind.Accounts);
        Assert.Equal(new ImportProblem("(row)", "has 2 fields but the header has 3"), file.Lines[0].Problem);
        Assert.Equal(new ImportProblem("(row)", "has 4 fields but the header has 3"), file.Lines[1].Problem);
    }

    [Theory]
    [InlineData("myspace,anna,1", "platform", "unknown platform 'myspace'; expected one of instagram, tiktok, youtube, x, facebook, twitch, pinterest")]
    [InlineData(",anna,1", "platform", "is required (one of instagram, tiktok, youtube, x, facebook, twitch, pinterest)")]
    [InlineData("instagram,,1", "handle", "is required")]
    [InlineData("instagram,@,1", "handle", "is required")]
    [InlineData("instagram,an na,1", "handle", "'an na' is not a valid handle (no spaces or commas)")]
    [InlineData("instagram,anna,-1", "followers", "'-1' is negative; counts are 0 or more")]
    [InlineData("instagram,anna,1.5k", "followers", "'1.5k' is an abbreviated, approximate number; write the exact count in digits (e.g. 1200 or 1,200, not 1.2k)")]
    [InlineData("instagram,anna,1.5", "followers", "'1.5' is not a whole number (digits, optionally grouped in threes as in 12,400 or 12 400; no decimals)")]
    [InlineData("instagram,anna,18446744073709551616", "followers", "'18446744073709551616' is beyond the 64-bit range (at most 9223372036854775807)")]
    public void Bad_values_reject_the_row_naming_the_field(string row, string field, string message)
    {
        var file = ParsedFile.Parse("platform,handle,followers\n" + row + "\n", ImportKind.Accounts);
        Assert.Equal(new ImportProblem(field, message), file.Single().Problem);
        Assert.Null(file.Single().Row);
    }

    [Theory]
    [InlineData("gif", "type", "unknown post type 'gif'; expected one of photo, carousel, reel, video, short, story, live, text")]
    [InlineData("", "type", "is required (one of photo, carousel, reel, video, short, story, live, text)")]
    public void Unknown_post_types_are_rejected(string type, string field, string message)
    {
        var file = ParsedFile.Parse($"platform,handle,post_id,posted_at,type\ninstagram,anna,p1,2024-05-01,{type}\n", ImportKind.Posts);
        Assert.Equal(new ImportProblem(field, message), file.Single().Problem);
    }

    [Fact]
    public void A_post_needs_a_valid_date()
    {
        var bad = ParsedFile.Parse("platform,handle,post_id,posted_at,type\ninstagram,anna,p1,01/05/2024,photo\n", ImportKind.Posts);
        Assert.Equal(new ImportProblem("posted_at", "'01/05/2024' is not an ISO 8601 date (e.g. 2024-05-01T14:30:00Z)"), bad.Single().Problem);
        var missing = ParsedFile.Parse("platform,handle,post_id,posted_at,type\ninstagram,anna,p1,,photo\n", ImportKind.Posts);
        Assert.Equal("posted_at", missing.Single().Problem!.Field);
        Assert.StartsWith("is required", missing.Single().Problem!.Message);
    }

    [Fact]
    public void Booleans_in_files_accept_the_documented_spellings_only()
    {
        var file = ParsedFile.Parse("platform,handle,is_verified\ninstagram,a,yes\ninstagram,b,0\ninstagram,c,verified\n", ImportKind.Accounts);
        Assert.True(Assert.IsType<AccountRow>(file.Lines[0].Row).IsVerified);
        Assert.False(Assert.IsType<AccountRow>(file.Lines[1].Row).IsVerified);
        Assert.Equal(new ImportProblem("is_verified", "'verified' is not a boolean (use true/false, 1/0 or yes/no)"), file.Lines[2].Problem);
    }

    [Fact]
    public void Country_language_email_and_lengths_are_checked()
    {
        var file = ParsedFile.Parse(
            "platform,handle,country,language,email,category\n" +
            "instagram,a,USA,,,\n" +
            "instagram,b,,english language,,\n" +
            "instagram,c,,,not-an-email,\n" +
            $"instagram,d,,,,{new string('x', 65)}\n",
            ImportKind.Accounts);
        Assert.Equal(["country", "language", "email", "category"], file.Problems.Select(p => p.Field));
        Assert.Equal("is 65 characters long; at most 64 are allowed", file.Problems[3].Message);
    }

    [Theory]
    [InlineData("country", "XX", "'XX' is not an assigned country code (ISO 3166-1, e.g. US, DE, BR)")]
    [InlineData("country", "uk", "'uk' is not an ISO 3166-1 code; the United Kingdom is GB")]
    [InlineData("language", "xq", "'xq' is not a known language code (ISO 639, e.g. en, es, pt-br)")]
    [InlineData("language", "klingon", "'klingon' is not a known language code (ISO 639, e.g. en, es, pt-br)")]
    [InlineData("external_url", "not a url", "'not a url' is not a web address (e.g. https://example.com or linktr.ee/name)")]
    [InlineData("external_url", "javascript:alert(1)", "'javascript:alert(1)' is not a web address (e.g. https://example.com or linktr.ee/name)")]
    [InlineData("external_url", "ftp://files.example.com", "'ftp://files.example.com' is not a web address (e.g. https://example.com or linktr.ee/name)")]
    [InlineData("external_url", "localhost", "'localhost' is not a web address (e.g. https://example.com or linktr.ee/name)")]
    public void Country_language_and_web_address_must_name_real_ones(string column, string value, string message)
    {
        var file = ParsedFile.Parse($"platform,handle,{column}\ninstagram,anna,{value}\n", ImportKind.Accounts);
        Assert.Equal(new ImportProblem(column, message), file.Single().Problem);
    }

    [Fact]
    public void Real_country_language_and_web_address_values_are_kept()
    {
        var file = ParsedFile.Parse(
            "platform,handle,country,language,external_url\n" +
            "instagram,a,gb,pt-BR,https://example.com/shop?x=1\n" +
            "instagram,b,XK,es-419,linktr.ee/anna\n" +
            "instagram,c,eh,fil,http://www.example.org\n",
            ImportKind.Accounts);
        Assert.Empty(file.Problems);
        var rows = file.Lines.Select(l => Assert.IsType<AccountRow>(l.Row)).ToList();
        Assert.Equal(["GB", "XK", "EH"], rows.Select(r => r.Country));
        Assert.Equal(["pt-br", "es-419", "fil"], rows.Select(r => r.Language));
        Assert.Equal(["https://example.com/shop?x=1", "linktr.ee/anna", "http://www.example.org"], rows.Select(r => r.ExternalUrl));
    }

    [Fact]
    public void The_columns_of_a_rejected_file_are_ignored_so_it_can_be_imported_again()
    {
        var file = ParsedFile.Parse("platform,handle,followers,line,field,error\ninstagram,anna,10,4,followers,'-5' is negative\n", ImportKind.Accounts);
        Assert.Null(file.FileError);
        Assert.Equal(10, Assert.IsType<AccountRow>(file.Single().Row).Followers);
        Assert.Equal<string?>(["instagram", "anna", "10"], file.Single().OriginalValues.AsEnumerable());
    }

    [Theory]
    [InlineData("data.csv", "{\"platform\":\"x\"}", ImportFormat.Csv)]
    [InlineData("data.jsonl", "platform,handle", ImportFormat.JsonLines)]
    [InlineData("data.NDJSON", "platform,handle", ImportFormat.JsonLines)]
    [InlineData("data.txt", "  \n {\"platform\":\"x\"}", ImportFormat.JsonLines)]
    [InlineData(null, "\uFEFF{\"platform\":\"x\"}", ImportFormat.JsonLines)]
    [InlineData("upload", "platform,handle", ImportFormat.Csv)]
    public void The_format_comes_from_the_extension_or_the_first_byte(string? fileName, string content, ImportFormat expected) =>
        Assert.Equal(expected, ParsedFile.Parse(content, ImportKind.Accounts, fileName).Format);
}
