namespace Grapevine.Core.Catalogue.Import;

/// <summary>One row that was not imported: its line in the file, the field at fault and why.</summary>
public sealed record ImportRejection(long Line, string Field, string Message);

/// <summary>Where the time of an import went, in seconds.</summary>
/// <param name="Read">Reading, parsing and validating the file (and writing rejected rows).</param>
/// <param name="Write">Looking up accounts and upserting rows.</param>
/// <param name="Metrics">Recomputing the metrics of the touched accounts.</param>
/// <param name="Commit">Committing the transaction.</param>
/// <param name="Profiles">Refreshing the search profiles of the touched accounts (after the metrics).</param>
public sealed record ImportTimings(double Read, double Write, double Metrics, double Commit, double Profiles = 0);

/// <summary>
/// The outcome of one import. When <see cref="FileError"/> is set the whole file was rejected and
/// nothing was written; otherwise every valid row landed and the rejected ones are counted in
/// <see cref="Rejected"/> (the first of them listed in <see cref="Rejections"/>).
/// </summary>
public sealed record ImportReport
{
    public required string Kind { get; init; }
    public string? Format { get; init; }
    public string? FileError { get; init; }
    public long RowsRead { get; init; }
    public long Imported { get; init; }
    public long Inserted { get; init; }
    public long Updated { get; init; }
    public long Unchanged { get; init; }
    public long Rejected { get; init; }
    public IReadOnlyList<ImportRejection> Rejections { get; init; } = [];
    public bool RejectionsTruncated { get; init; }
    public string? RejectedFile { get; init; }

    /// <summary>Through the web app and the API: where every rejected row can be downloaded as CSV, until <see cref="RejectedRowsExpireAt"/>.</summary>
    public string? RejectedRowsUrl { get; init; }

    public DateTimeOffset? RejectedRowsExpireAt { get; init; }
    public int AccountsRecomputed { get; init; }
    public double Seconds { get; init; }
    public double RowsPerSecond { get; init; }
    public ImportTimings? Timings { get; init; }

    /// <summary>What the search-profile refresh of the touched accounts did, with its own phases.</summary>
    public Discovery.Profiles.SearchProfileRefreshReport? ProfileRefresh { get; init; }

    /// <summary>Every row of the file landed.</summary>
    public bool Succeeded => FileError is null && Rejected == 0;
}

/// <summary>
/// How far an import has come: data rows and bytes of the file read, and, once the rows are written, the phase it is in
/// with the share of it done (0–1; null when the phase cannot tell) and the number of accounts it works on.
/// </summary>
public sealed record ImportProgress(long Rows, long Bytes, ImportPhase Phase = ImportPhase.Rows, double? Share = null, int Accounts = 0);

/// <param name="RejectedFilePath">Where rejected rows are written as CSV; null writes none.</param>
/// <param name="MaxListedRejections">How many rejected rows the report lists (all are counted and written to the file).</param>
/// <param name="BatchSize">Rows handed to the bulk writer at a time, all inside the one transaction.</param>
public sealed record ImportOptions(string? RejectedFilePath = null, int MaxListedRejections = 1000, int BatchSize = 20_000);
