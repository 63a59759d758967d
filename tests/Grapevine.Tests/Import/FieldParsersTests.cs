using System.Text;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

public class FieldParsersTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12000", 12000L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Counts_parse(string text, long expected)
    {
        Assert.Null(FieldParsers.Count(U(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,400", 12_400L)]
    [InlineData("12 400", 12_400L)]
    [InlineData("12\u00A0400", 12_400L)]
    [InlineData("12\u202F400", 12_400L)]
    [InlineData("12\u2009400", 12_400L)]
    [InlineData("1,234,567", 1_234_567L)]
    [InlineData(" 999,000 ", 999_000L)]
    [InlineData("9,223,372,036,854,775,807", long.MaxValue)]
    public void Counts_grouped_in_threes_by_one_thousands_separator_parse(string text, long expected)
    {
        Assert.Null(FieldParsers.Count(U(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_count_is_unknown_not_zero(string text)
    {
        Assert.Null(FieldParsers.Count(U(text), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("-5", "is negative")]
    [InlineData("-0", "is negative")]
    [InlineData("abc", "is not a whole number")]
    [InlineData("12.5", "is not a whole number")]
    [InlineData("1,20", "is not a whole number")]
    [InlineData("1,2000", "is not a whole number")]
    [InlineData("1234,567", "is not a whole number")]
    [InlineData(",123", "is not a whole number")]
    [InlineData("123,", "is not a whole number")]
    [InlineData("1,234 567", "is not a whole number")]
    [InlineData("1,,234", "is not a whole number")]
    [InlineData("12.400", "is not a whole number")]
    [InlineData("12,400.5", "is not a whole number")]
    [InlineData("-12,400", "is negative")]
    [InlineData("9,223,372,036,854,775,808", "beyond the 64-bit range")]
    [InlineData("1.2k", "abbreviated, approximate number; write the exact count")]
    [InlineData("3M", "abbreviated, approximate number; write the exact count")]
    [InlineData("15 K", "abbreviated, approximate number; write the exact count")]
    [InlineData("2,5b", "abbreviated, approximate number; write the exact count")]
    [InlineData("k", "is not a whole number")]
    [InlineData("1.2.3k", "is not a whole number")]
    [InlineData("1e3", "is not a whole number")]
    [InlineData("+3", "is not a whole number")]
    [InlineData("-", "is not a whole number")]
    [InlineData("9223372036854775808", "beyond the 64-bit range")]
    [InlineData("99999999999999999999999", "beyond the 64-bit range")]
    public void Bad_counts_are_refused_with_a_reason(string text, string reason)
    {
        var error = FieldParsers.Count(U(text), out var value);
        Assert.NotNull(error);
        Assert.Contains(reason, error);
        Assert.Contains($"'{text}'", error);
        Assert.Null(value);
    }

    [Fact]
    public void Bio_length_must_fit_in_32_bits()
    {
        Assert.Null(FieldParsers.SmallCount(U("2147483647"), out var max));
        Assert.Equal(int.MaxValue, max);
        Assert.Contains("too large", FieldParsers.SmallCount(U("2147483648"), out _));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData(" NO ", false)]
    public void Booleans_accept_true_false_1_0_yes_no(string text, bool expected)
    {
        Assert.Null(FieldParsers.Boolean(U(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("y")]
    [InlineData("t")]
    public void Other_booleans_are_refused(string text) =>
        Assert.Contains("is not a boolean (use true/false, 1/0 or yes/no)", FieldParsers.Boolean(U(text), out _));

    [Fact]
    public void Empty_boolean_is_unknown()
    {
        Assert.Null(FieldParsers.Boolean(U(""), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("2024-05-01T14:30:00Z", "2024-05-01T14:30:00.0000000Z")]
    [InlineData("2024-05-01T14:30:00.123Z", "2024-05-01T14:30:00.1230000Z")]
    [InlineData("2024-05-01T14:30:00,5Z", "2024-05-01T14:30:00.5000000Z")]
    [InlineData("2024-05-01T14:30:00+02:00", "2024-05-01T12:30:00.0000000Z")]
    [InlineData("2024-05-01T14:30:00-0530", "2024-05-01T20:00:00.0000000Z")]
    [InlineData("2024-05-01T01:00:00+03", "2024-04-30T22:00:00.0000000Z")]
    [InlineData("2024-05-01T14:30", "2024-05-01T14:30:00.0000000Z")]
    [InlineData("2024-05-01 14:30:00", "2024-05-01T14:30:00.0000000Z")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z", "2024-02-29T23:59:59.9999999Z")]
    public void Timestamps_are_iso_8601_and_stored_in_utc(string text, string expectedRoundTrip)
    {
        Assert.Null(FieldParsers.Timestamp(U(text), out var value));
        Assert.Equal(DateTimeKind.Utc, value!.Value.Kind);
        Assert.Equal(expectedRoundTrip, value.Value.ToString("O"));
    }

    [Theory]
    [InlineData("05/01/2024")]
    [InlineData("1 May 2024")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("2024-05-01T14:30:00X")]
    [InlineData("20240501T143000Z")]
    [InlineData("2024-05-01T14:30:00+")]
    [InlineData("1714573800")]
    public void Non_iso_dates_are_refused(string text)
    {
        var error = FieldParsers.Timestamp(U(text), out var value);
        Assert.Equal($"'{text}' is not an ISO 8601 date (e.g. 2024-05-01T14:30:00Z)", error);
        Assert.Null(value);
    }

    [Fact]
    public void Invalid_utf8_is_named()
    {
        Assert.Null(FieldParsers.CheckUtf8(U("Zoë")));
        Assert.Contains("not valid UTF-8", FieldParsers.CheckUtf8([0x61, 0xC3, 0x28]));
    }
}
