using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Web.Api;

/// <summary>How an import through the web app ended: refused (403), not valid or the file rejected (400), or imported.</summary>
public abstract record WebImportOutcome
{
    public sealed record Refused(string Detail) : WebImportOutcome;

    /// <summary>Errors by request field (<c>kind</c>, <c>file</c>); nothing was imported.</summary>
    public sealed record Invalid(string Title, IReadOnlyDictionary<string, string[]> Errors) : WebImportOutcome;

    public sealed record Imported(ImportReport Report) : WebImportOutcome;
}
