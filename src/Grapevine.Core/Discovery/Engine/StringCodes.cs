namespace Grapevine.Core.Discovery.Engine;

/// <summary>Dictionary encoding of a low-cardinality string column: code 0 is null, codes 1.. are the distinct values.</summary>
internal sealed class StringCodes(int maxCodes)
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [""];

    /// <summary>Codes in use, including 0.</summary>
    public int Count => _values.Count;

    public string ValueOf(int code) => _values[code];

    /// <summary>The code of <paramref name="value"/>, adding it; -1 when the column already holds its maximum of distinct values.</summary>
    public int Encode(string? value)
    {
        if (value is null)
            return 0;
        if (_codes.TryGetValue(value, out var code))
            return code;
        if (_values.Count >= maxCodes)
            return -1;
        code = _values.Count;
        _codes.Add(value, code);
        _values.Add(value);
        return code;
    }

    /// <summary>The code of a value, or -1 when no row has it.</summary>
    public int Find(string value) => _codes.GetValueOrDefault(value, -1);

    /// <summary>A mask over codes: true for the codes of <paramref name="values"/>.</summary>
    public bool[] Mask(IEnumerable<string> values)
    {
        var mask = new bool[Count];
        foreach (var value in values)
        {
            if (Find(value) is var code and > 0)
                mask[code] = true;
        }
        return mask;
    }
}
