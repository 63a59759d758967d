using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Reads JSON Lines: one JSON object per line, whose property names are the kind's columns.
/// Values may be strings, numbers, booleans or null (unknown). Blank lines are skipped.
/// </summary>
internal sealed class JsonLinesRecordSource : ImportRecordSource
{
    private const int MaxLineBytes = 16 << 20;
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 };

    private readonly Stream _input;
    private readonly ImportKind _kind;
    private readonly IReadOnlyList<string> _columns;
    private readonly byte[][] _columnNames;
    private readonly int[] _valueStart;
    private readonly int[] _valueLength;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
    private byte[] _values = ArrayPool<byte>.Shared.Rent(1 << 12);
    private int _start;
    private int _end;
    private bool _endOfInput;
    private long _discarded;
    private long _lineNumber;
    private long _recordLine;
    private int _rawStart;
    private int _rawLength;
    private ImportProblem? _problem;

    // Only the file's first object is checked for being another kind's: a re-read rejected line is not a file's first.
    private bool _kindChecked;

    public JsonLinesRecordSource(Stream input, ImportKind kind, bool checkKind = true)
    {
        _kindChecked = !checkKind;
        _input = input;
        _kind = kind;
        _columns = ImportColumns.For(kind);
        _columnNames = [.. _columns.Select(Encoding.UTF8.GetBytes)];
        _valueStart = new int[_columns.Count];
        _valueLength = new int[_columns.Count];
    }

    public override ImportFormat Format => ImportFormat.JsonLines;
    public override long Line => _recordLine;
    public override long BytesRead => _discarded + _start;
    public override ImportProblem? Problem => _problem;
    public override IReadOnlyList<string> OriginalColumns => _columns;

    public override ValueTask OpenAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            var lineEnd = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (lineEnd < 0 && !_endOfInput)
            {
                await FillAsync(ct);
                continue;
            }
            if (lineEnd < 0 && _start == _end)
                return false;
            var length = lineEnd < 0 ? _end - _start : lineEnd;
            var lineStart = _start;
            _start += lineEnd < 0 ? length : length + 1;
            _lineNumber++;
            var offset = _lineNumber == 1 && _buffer.AsSpan(lineStart, length).StartsWith(ImportFormatDetector.Utf8Bom) ? 3 : 0;
            if (length > offset && _buffer[lineStart + length - 1] == '\r')
                length--;
            var line = _buffer.AsSpan(lineStart + offset, length - offset);
            if (FieldParsers.Trim(line).IsEmpty)
                continue;
            _recordLine = _lineNumber;
            _rawStart = lineStart + offset;
            _rawLength = line.Length;
            Parse(line);
            return true;
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _discarded += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
                throw new ImportFileException($"line {_lineNumber + 1} is longer than {MaxLineBytes >> 20} MB; each line must hold one JSON object");
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = await _input.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0)
            _endOfInput = true;
        _end += read;
    }

    private void Parse(ReadOnlySpan<byte> line)
    {
        _problem = null;
        var checkKind = !_kindChecked;
        _kindChecked = true;
        Array.Fill(_valueLength, -1);
        if (_values.Length < line.Length + 16)
        {
            ArrayPool<byte>.Shared.Return(_values);
            _values = ArrayPool<byte>.Shared.Rent(line.Length + 16);
        }
        var reader = new Utf8JsonReader(line, ReaderOptions);
        var lastProperty = "";
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                _problem = new(ImportProblem.WholeRow, "is not a JSON object; each line must be one object such as {\"platform\":\"instagram\",\"handle\":\"anna\"}");
                return;
            }
            var written = 0;
            var guess = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = FindColumn(ref reader, guess);
                lastProperty = column >= 0 ? _columns[column] : Encoding.UTF8.GetString(reader.ValueSpan);
                if (!reader.Read())
                    break;
                if (column < 0)
                {
                    if (ImportColumns.RejectionColumns.Contains(lastProperty))
                    {
                        reader.Skip();
                        continue;
                    }
                    if (checkKind)
                        ThrowIfAnotherKinds(line);
                    _problem = new(lastProperty, $"unknown field '{lastProperty}'; the {_kind.Name()} fields are: {string.Join(", ", _columns)}");
                    return;
                }
                if (_valueLength[column] >= 0)
                {
                    _problem = new(lastProperty, "appears twice in the object");
                    return;
                }
                guess = column + 1;
                _valueStart[column] = written;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        written += reader.ValueIsEscaped
                            ? reader.CopyString(_values.AsSpan(written))
                            : Copy(reader.ValueSpan, written);
                        break;
                    case JsonTokenType.Number:
                        written += Copy(reader.ValueSpan, written);
                        break;
                    case JsonTokenType.True:
                        written += Copy("true"u8, written);
                        break;
                    case JsonTokenType.False:
                        written += Copy("false"u8, written);
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        _problem = new(lastProperty, "must be a string, number, boolean or null, not an object or array");
                        return;
                }
                _valueLength[column] = written - _valueStart[column];
            }
            if (reader.TokenType != JsonTokenType.EndObject)
                throw new JsonException("the object is not closed");
            if (reader.Read())
                throw new JsonException("there is more than one JSON value on the line");
        }
        catch (JsonException e)
        {
            _problem = !Utf8.IsValid(line)
                ? new(lastProperty.Length > 0 ? lastProperty : ImportProblem.WholeRow, FieldParsers.CheckUtf8(line)!)
                : new(ImportProblem.WholeRow, $"is not valid JSON ({Reason(e)})");
        }
    }

    /// <summary>
    /// A file whose first object has a field this kind does not know and is all another kind's (an accounts file imported
    /// as posts) is refused as a whole, as its CSV header would be; otherwise every line would be rejected for that field.
    /// </summary>
    private void ThrowIfAnotherKinds(ReadOnlySpan<byte> line)
    {
        var names = PropertyNames(line);
        if (ImportColumns.MeantKind(_kind, names) is { } meant)
            throw new ImportFileException(
                $"line {_recordLine}: the fields of the first object ({string.Join(", ", names)}) are those of {meant.FileName()}, " +
                $"not {_kind.FileName()}: import it as {meant.Name()}.");
    }

    /// <summary>The names of the object's own properties, in the order they appear.</summary>
    private static List<string> PropertyNames(ReadOnlySpan<byte> line)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(line, ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
        return names;
    }

    private int FindColumn(ref Utf8JsonReader reader, int guess)
    {
        if (!reader.ValueIsEscaped)
            return Match(reader.ValueSpan, guess);
        Span<byte> unescaped = stackalloc byte[64];
        return reader.ValueSpan.Length > unescaped.Length ? -1 : Match(unescaped[..reader.CopyString(unescaped)], guess);
    }

    private int Match(ReadOnlySpan<byte> name, int guess)
    {
        if (guess < _columnNames.Length && name.SequenceEqual(_columnNames[guess]))
            return guess;
        for (var i = 0; i < _columnNames.Length; i++)
        {
            if (name.SequenceEqual(_columnNames[i]))
                return i;
        }
        for (var i = 0; i < _columnNames.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(name, _columnNames[i]))
                return i;
        }
        return -1;
    }

    private int Copy(ReadOnlySpan<byte> value, int at)
    {
        value.CopyTo(_values.AsSpan(at));
        return value.Length;
    }

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return e.BytePositionInLine is { } position ? $"{text}, at character {position + 1}" : text;
    }

    public override ReadOnlySpan<byte> Field(int column) =>
        _valueLength[column] <= 0 ? default : _values.AsSpan(_valueStart[column], _valueLength[column]);

    public override string?[] OriginalValues()
    {
        var values = new string?[_columns.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = _valueLength[i] < 0 ? null : Encoding.UTF8.GetString(Field(i));
        return values;
    }

    public override ReadOnlySpan<byte> RawRecord => _buffer.AsSpan(_rawStart, _rawLength);

    protected override ImportRecordSource Reread(ReadOnlyMemory<byte> raw) => new JsonLinesRecordSource(new MemoryStream(raw.ToArray()), _kind, checkKind: false);

    public override void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_values);
        _buffer = [];
        _values = [];
    }
}
