using Grapevine.Core.Data;

namespace Grapevine.Tests.Catalogue;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Anna = runner", "Anna = runner")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_that_starts_like_a_formula_gets_an_apostrophe(string? value, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Cell(value));
}
