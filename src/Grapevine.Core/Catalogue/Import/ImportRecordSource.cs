namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Streams the records of an import file, one at a time, with each field addressed by its index
/// in the kind's column list (<see cref="ImportColumns.For"/>). File-level problems throw
/// <see cref="ImportFileException"/>; a malformed record sets <see cref="Problem"/>.
/// </summary>
internal abstract class ImportRecordSource : IDisposable
{
    public abstract ImportFormat Format { get; }

    /// <summary>The line where the current record starts (1-based, the header included).</summary>
    public abstract long Line { get; }

    /// <summary>Bytes of the input consumed so far, for progress.</summary>
    public abstract long BytesRead { get; }

    /// <summary>Set when the current record as a whole cannot be read (bad quoting, wrong field count, not a JSON object).</summary>
    public abstract ImportProblem? Problem { get; }

    /// <summary>The column names of the rejected file's original part.</summary>
    public abstract IReadOnlyList<string> OriginalColumns { get; }

    /// <summary>Reads the header (if the format has one) and checks it.</summary>
    public abstract ValueTask OpenAsync(CancellationToken ct);

    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    /// <summary>The UTF-8 bytes of a field of the current record; empty when the field is empty or absent.</summary>
    public abstract ReadOnlySpan<byte> Field(int column);

    /// <summary>The current record's values in <see cref="OriginalColumns"/> order, for the rejected file.</summary>
    public abstract string?[] OriginalValues();

    public abstract void Dispose();

    public static ImportRecordSource Create(ImportFormat format, Stream input, ImportKind kind) => format switch
    {
        ImportFormat.Csv => new CsvRecordSource(input, kind),
        _ => new JsonLinesRecordSource(input, kind),
    };
}
