using System.Text;
using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

/// <summary>What the import's parser makes of a file, without a database: rows or problems by line, or a file error.</summary>
internal sealed record ParsedFile(ImportFormat? Format, string? FileError, IReadOnlyList<ParsedLine> Lines)
{
    public ParsedLine Single() => Assert.Single(Lines);

    public IReadOnlyList<ImportProblem> Problems => [.. Lines.Where(l => l.Problem is not null).Select(l => l.Problem!)];

    public static ParsedFile Parse(string text, ImportKind kind, string? fileName = "file.csv") =>
        Parse(Encoding.UTF8.GetBytes(text), kind, fileName);

    public static ParsedFile Parse(byte[] bytes, ImportKind kind, string? fileName = "file.csv")
    {
        ImportFormat? format = null;
        var lines = new List<ParsedLine>();
        try
        {
            var detected = ImportFormatDetector.DetectAsync(new MemoryStream(bytes), fileName, default).GetAwaiter().GetResult()
                ?? throw new ImportFileException("the file is empty");
            format = detected.Format;
            using var source = ImportRecordSource.Create(detected.Format, detected.Input, kind);
            source.OpenAsync(default).AsTask().GetAwaiter().GetResult();
            var fields = new RowFields(ImportColumns.For(kind));
            while (source.ReadAsync(default).AsTask().GetAwaiter().GetResult())
            {
                if (source.Problem is { } problem)
                {
                    lines.Add(new ParsedLine(source.Line, null, problem, source.OriginalValues()));
                    continue;
                }
                fields.Reset(source);
                object? row = kind switch
                {
                    ImportKind.Accounts => ImportRowParser.Account(fields),
                    ImportKind.Posts => ImportRowParser.Post(fields),
                    ImportKind.Snapshots => ImportRowParser.Snapshot(fields),
                    ImportKind.Followers => ImportRowParser.Follower(fields),
                    _ => ImportRowParser.Comment(fields),
                };
                lines.Add(new ParsedLine(source.Line, row, fields.Problem, source.OriginalValues()));
            }
            return new ParsedFile(format, null, lines);
        }
        catch (ImportFileException e)
        {
            return new ParsedFile(format, e.Message, lines);
        }
    }
}

internal sealed record ParsedLine(long Line, object? Row, ImportProblem? Problem, string?[] OriginalValues);
