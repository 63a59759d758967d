using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Grapevine.Core.Authenticity;

/// <summary>
/// A file of records read as text cells: CSV with a header row (quoted names allowed), a JSON array of objects, or
/// JSON Lines. An empty CSV cell is "", a JSON null or an absent key is null; JSON numbers and booleans keep their JSON text.
/// </summary>
public sealed class RecordTable
{
    private readonly Dictionary<string, int> _index;

    private RecordTable(List<string> columns, List<TableRecord> records)
    {
        Columns = columns;
        Records = records;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
            _index.TryAdd(columns[i], i);
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<TableRecord> Records { get; }

    /// <summary>The column's position: its exact name, else the only one equal ignoring case; -1 when absent.</summary>
    public int IndexOf(string column)
    {
        if (_index.TryGetValue(column, out var exact))
            return exact;
        var matches = Columns.Select((c, i) => (c, i)).Where(x => string.Equals(x.c, column, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].i : -1;
    }

    public static RecordTable Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var first = bytes.AsSpan().TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (first.Length == 0)
            throw new AuthenticityDataException(bytes.Length == 0
                ? "the file is empty (0 bytes); it needs a header row and labelled profiles"
                : "the file holds only blank lines; it needs a header row and labelled profiles");
        if (extension is ".jsonl" or ".ndjson" || (extension != ".csv" && extension != ".json" && first.Length > 0 && first[0] == (byte)'{'))
            return ReadJsonLines(bytes);
        if (extension == ".json" || (extension != ".csv" && first.Length > 0 && first[0] == (byte)'['))
            return ReadJsonArray(bytes);
        return ReadCsv(bytes);
    }

    private static RecordTable ReadCsv(byte[] bytes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var reader = CsvReader.Create(new MemoryStream(bytes), options);
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            throw new AuthenticityDataException($"line 1: the header cannot be read: {e.Message}");
        }
        // The reader takes an unclosed quote to the end of the file: the header would swallow the rows.
        if (reader.Headers.FirstOrDefault(h => h.Contains('\n') || h.Contains('\r')) is { } open)
        {
            var start = open.Split('\n', '\r')[0];
            throw new AuthenticityDataException($"line 1: the header has a quote that is never closed (\"{start}…): close it or remove it");
        }
        var columns = reader.Headers.Select(h => h.Trim()).ToList();
        var records = new List<TableRecord>();
        while (true)
        {
            long line;
            try
            {
                if (!reader.Read())
                    break;
                line = reader.LineNumber;
            }
            catch (CsvFormatException e)
            {
                throw new AuthenticityDataException($"line {(e.LineNumber > 0 ? e.LineNumber : reader.LineNumber)}: {e.Message}");
            }
            if (reader.FieldCount != columns.Count)
                throw new AuthenticityDataException($"line {line}: has {reader.FieldCount} fields but the header has {columns.Count}");
            var values = new string?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = Encoding.UTF8.GetString(reader.GetSpan(i));
            }
            records.Add(new TableRecord(line, values));
        }
        return new RecordTable(columns, records);
    }

    private static RecordTable ReadJsonArray(byte[] bytes)
    {
        var columns = new List<string>();
        var objects = new List<(long Line, JsonElement Element)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new AuthenticityDataException("line 1: a JSON file must hold an array of objects (or use JSON Lines: one object a line)");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineAt(bytes, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new AuthenticityDataException($"line {line}: item {objects.Count + 1} of the array is not an object");
                objects.Add((line, JsonElement.ParseValue(ref reader)));
            }
        }
        catch (JsonException e)
        {
            throw new AuthenticityDataException($"line {(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message}");
        }
        return FromObjects(columns, objects);
    }

    private static RecordTable ReadJsonLines(byte[] bytes)
    {
        var objects = new List<(long Line, JsonElement Element)>();
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new AuthenticityDataException($"line {i + 1}: each line of a JSON Lines file must be one object");
                objects.Add((i + 1, document.RootElement.Clone()));
            }
            catch (JsonException e)
            {
                throw new AuthenticityDataException($"line {i + 1}: not valid JSON: {e.Message}");
            }
        }
        return FromObjects([], objects);
    }

    private static RecordTable FromObjects(List<string> columns, List<(long Line, JsonElement Element)> objects)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, element) in objects)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (index.TryAdd(property.Name, columns.Count))
                    columns.Add(property.Name);
            }
        }
        var records = new List<TableRecord>(objects.Count);
        foreach (var (line, element) in objects)
        {
            var values = new string?[columns.Count];
            foreach (var property in element.EnumerateObject())
            {
                values[index[property.Name]] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
            records.Add(new TableRecord(line, values));
        }
        return new RecordTable(columns, records);
    }

    private static long LineAt(byte[] bytes, long offset) => bytes.AsSpan(0, (int)offset).Count((byte)'\n') + 1;
}

/// <summary>One record: the line it starts on and its cells.</summary>
public sealed record TableRecord(long Line, string?[] Values);
