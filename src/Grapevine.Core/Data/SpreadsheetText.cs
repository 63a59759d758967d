namespace Grapevine.Core.Data;

/// <summary>Text for a cell of an exported CSV.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// The value, with a leading apostrophe when it starts like a formula (=, +, -, @, tab, carriage return): a
    /// spreadsheet runs such a cell, and imported names and captions are anyone's text.
    /// </summary>
    public static string Cell(string? value) =>
        value is ['=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + value : value ?? "";
}
