namespace Grapevine.Core.Catalogue.Import;

/// <summary>Why one row is rejected: the field at fault ("(row)" for the row as a whole) and a message.</summary>
internal sealed record ImportProblem(string Field, string Message)
{
    public const string WholeRow = "(row)";
}
