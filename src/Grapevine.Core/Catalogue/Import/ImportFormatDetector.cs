namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Tells CSV from JSON Lines: by the file name's extension (.csv; .jsonl or .ndjson), else by the
/// first byte that is not white space (<c>{</c> means JSON Lines). Also finds empty files.
/// </summary>
internal static class ImportFormatDetector
{
    private const int MaxPeekBytes = 1 << 16;

    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The format and a stream that reads the input from its start again; null when the file holds nothing but white space.</summary>
    public static async Task<(ImportFormat Format, Stream Input)?> DetectAsync(Stream input, string? fileName, CancellationToken ct)
    {
        var peeked = new byte[MaxPeekBytes];
        var length = 0;
        int first;
        while (true)
        {
            first = FirstContentByte(peeked.AsSpan(0, length));
            if (first >= 0 || length == peeked.Length)
                break;
            var read = await input.ReadAsync(peeked.AsMemory(length), ct);
            if (read == 0)
                break;
            length += read;
        }
        if (first < 0 && length < peeked.Length)
            return null;
        var replay = new PrefixedStream(peeked.AsMemory(0, length), input);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var format = extension switch
        {
            ".csv" => ImportFormat.Csv,
            ".jsonl" or ".ndjson" => ImportFormat.JsonLines,
            _ => first >= 0 && peeked[first] == '{' ? ImportFormat.JsonLines : ImportFormat.Csv,
        };
        return (format, replay);
    }

    private static int FirstContentByte(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith(Utf8Bom) ? 3 : 0;
        var index = bytes[start..].IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? -1 : start + index;
    }
}
