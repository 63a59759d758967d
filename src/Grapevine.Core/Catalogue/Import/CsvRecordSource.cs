using System.Text;
using CsvHelper;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Reads CSV with CsvHelper's low-level UTF-8 reader (no reflection mapping): comma separated,
/// RFC 4180 quoting, a header row naming the columns in any order, LF or CRLF, optional BOM.
/// </summary>
internal sealed class CsvRecordSource : ImportRecordSource
{
    // An unclosed quote would otherwise make the reader buffer the rest of the file as one record.
    private const int MaxRecordBytes = 16 << 20;

    private readonly CsvReader _reader;
    private readonly ImportKind _kind;
    private readonly IReadOnlyList<string> _columns;
    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];
    private int[] _fieldOfColumn = [];
    private string[] _originalColumns = [];
    private int[] _originalFields = [];
    private int _headerFieldCount;
    private byte[] _headerLine = [];
    private ImportProblem? _problem;

    public CsvRecordSource(Stream input, ImportKind kind)
    {
        _kind = kind;
        _columns = ImportColumns.For(kind);
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = MaxRecordBytes,
            BufferSize = 1 << 18,
            OnMalformedRecord = record => _malformed[record.LineNumber] = record.Reason,
        };
        _reader = CsvReader.Create(input, options, leaveOpen: true);
    }

    public override ImportFormat Format => ImportFormat.Csv;
    public override long Line => _reader.LineNumber;
    public override long BytesRead => _reader.ByteOffset;
    public override ImportProblem? Problem => _problem;
    public override IReadOnlyList<string> OriginalColumns => _originalColumns;

    public override async ValueTask OpenAsync(CancellationToken ct)
    {
        try
        {
            await _reader.ReadHeaderAsync(ct);
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException($"line 1: the header cannot be read: {e.Message}");
        }
        var header = _reader.Headers;
        if (_malformed.Remove(1, out var reason))
            throw new ImportFileException($"line 1: the header has {Describe(reason)}");
        _headerFieldCount = header.Count;
        _headerLine = Encoding.UTF8.GetBytes(string.Join(",", header.Select(RejectedRowsFile.Escape)) + "\n");
        _fieldOfColumn = new int[_columns.Count];
        Array.Fill(_fieldOfColumn, -1);
        var unknown = new List<string>();
        var original = new List<(string Name, int Field)>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
                throw new ImportFileException($"line 1: column {i + 1} of the header has no name; the first line must name the columns ({string.Join(",", _columns)})");
            if (name.Contains('\uFFFD'))
                throw new ImportFileException("line 1: the header contains bytes that are not valid UTF-8 (save the file as UTF-8)");
            if (ImportColumns.RejectionColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                continue;
            var column = IndexOf(_columns, name);
            if (column < 0)
            {
                unknown.Add(name);
                continue;
            }
            if (_fieldOfColumn[column] >= 0)
                throw new ImportFileException($"line 1: column '{_columns[column]}' appears twice in the header");
            _fieldOfColumn[column] = i;
            original.Add((name, i));
        }
        if (unknown.Count > 0)
        {
            var hint = unknown.Any(u => u.Contains(';') || u.Contains('\t')) ? " Columns must be separated by commas."
                : ImportColumns.MeantKind(_kind, [.. original.Select(o => o.Name), .. unknown]) is { } meant
                    ? $" This is the header of {meant.FileName()}: import it as {meant.Name()}."
                    : "";
            throw new ImportFileException(
                $"line 1: unknown column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. " +
                $"The first line must be the header; the {_kind.Name()} columns are: {string.Join(",", _columns)}.{hint}");
        }
        var missing = ImportColumns.Required(_kind).Where(r => _fieldOfColumn[IndexOf(_columns, r)] < 0).ToList();
        if (missing.Count > 0)
            throw new ImportFileException(
                $"line 1: missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                $"({_kind.FileName()} needs {string.Join(",", ImportColumns.Required(_kind))})" +
                (ImportColumns.MeantKind(_kind, [.. original.Select(o => o.Name)]) is { } meant
                    ? $". This is the header of {meant.FileName()}: import it as {meant.Name()}."
                    : ""));
        _originalColumns = [.. original.Select(o => o.Name)];
        _originalFields = [.. original.Select(o => o.Field)];
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        bool read;
        try
        {
            read = await _reader.ReadAsync(ct);
        }
        catch (CsvFormatException e)
        {
            throw new ImportFileException(
                $"line {(e.LineNumber > 0 ? e.LineNumber : _reader.LineNumber)}: {e.Message} " +
                $"A record longer than {MaxRecordBytes >> 20} MB usually means a quote that is never closed.");
        }
        if (!read)
            return false;
        _problem = null;
        if (_malformed.Count > 0 && _malformed.Remove(Line, out var reason))
        {
            if (reason == CsvMalformedReason.UnterminatedQuote)
                throw new ImportFileException(
                    $"line {Line}: unbalanced quotes: a quoted field that starts on this line is never closed, " +
                    "so the rest of the file would be read as part of it. Close the quote (and double any quote inside a quoted field).");
            _problem = new ImportProblem(ImportProblem.WholeRow, $"has {Describe(reason)}");
        }
        else if (_reader.FieldCount != _headerFieldCount)
        {
            _problem = new ImportProblem(ImportProblem.WholeRow, $"has {_reader.FieldCount} fields but the header has {_headerFieldCount}");
        }
        return true;
    }

    public override ReadOnlySpan<byte> Field(int column)
    {
        var field = _fieldOfColumn[column];
        return field < 0 || field >= _reader.FieldCount ? default : _reader.GetSpan(field);
    }

    public override string?[] OriginalValues()
    {
        var values = new string?[_originalFields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var field = _originalFields[i];
            values[i] = field < _reader.FieldCount ? Encoding.UTF8.GetString(_reader.GetSpan(field)) : null;
        }
        return values;
    }

    public override ReadOnlySpan<byte> RawRecord => _reader.RawRecord;

    protected override ImportRecordSource Reread(ReadOnlyMemory<byte> raw) =>
        new CsvRecordSource(new MemoryStream([.. _headerLine, .. raw.Span]), _kind);

    public override void Dispose() => _reader.Dispose();

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a stray quote inside an unquoted field (quote the whole field and double the quotes inside it)",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field (unbalanced quotes)",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed (unbalanced quotes)",
        _ => $"malformed quoting ({reason})",
    };
}
