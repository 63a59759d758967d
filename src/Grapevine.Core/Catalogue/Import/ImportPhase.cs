namespace Grapevine.Core.Catalogue.Import;

/// <summary>What an import is doing: reading and writing the file's rows, then the work on the accounts they touched.</summary>
public enum ImportPhase
{
    /// <summary>Reading, validating and writing the rows (progress in bytes of the file).</summary>
    Rows,

    /// <summary>Recomputing the metrics of the touched accounts.</summary>
    Metrics,

    /// <summary>Refreshing the search profiles of the touched accounts.</summary>
    SearchProfiles,

    /// <summary>Committing the transaction.</summary>
    Commit,
}
