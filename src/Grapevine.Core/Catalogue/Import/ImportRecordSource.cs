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

    /// <summary>The current record's bytes as they are in the file (without the line break), valid until the next read.</summary>
    public abstract ReadOnlySpan<byte> RawRecord { get; }

    /// <summary>
    /// The original values of a record kept as <see cref="RawRecord"/> bytes, read again: rows are kept
    /// this way (one copy, no strings) until their account is known, and only the rejected ones are read.
    /// </summary>
    public async ValueTask<string?[]> OriginalValuesOfAsync(ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        using var again = Reread(raw);
        await again.OpenAsync(ct);
        return await again.ReadAsync(ct) ? again.OriginalValues() : new string?[OriginalColumns.Count];
    }

    /// <summary>A source of the same kind and columns over one raw record.</summary>
    protected abstract ImportRecordSource Reread(ReadOnlyMemory<byte> raw);

    public abstract void Dispose();

    public static ImportRecordSource Create(ImportFormat format, Stream input, ImportKind kind) => format switch
    {
        ImportFormat.Csv => new CsvRecordSource(input, kind),
        _ => new JsonLinesRecordSource(input, kind),
    };
}
