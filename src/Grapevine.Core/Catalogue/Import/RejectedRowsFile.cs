using System.Text;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Writes rejected rows to a CSV file: the original columns, then line, field and error. The file
/// is created on the first rejected row.
/// </summary>
internal sealed class RejectedRowsFile(string path, IReadOnlyList<string> columns) : IDisposable
{
    private StreamWriter? _writer;

    public string Path => path;
    public bool Created { get; private set; }

    public void Write(long line, ImportProblem problem, string?[] values)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
            WriteRecord([.. columns, .. ImportColumns.RejectionColumns]);
            Created = true;
        }
        var record = new string?[columns.Count + 3];
        Array.Copy(values, record, Math.Min(values.Length, columns.Count));
        record[^3] = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record[^2] = problem.Field;
        record[^1] = problem.Message;
        WriteRecord(record);
    }

    private void WriteRecord(IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
                _writer!.Write(',');
            _writer!.Write(Escape(values[i]));
        }
        _writer!.WriteLine();
    }

    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
            return value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>Removes the file (a failed import leaves no partial output).</summary>
    public void Delete()
    {
        Dispose();
        File.Delete(path);
        Created = false;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
