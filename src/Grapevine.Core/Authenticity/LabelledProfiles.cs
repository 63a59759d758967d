namespace Grapevine.Core.Authenticity;

/// <summary>
/// Follower profiles read from a <see cref="RecordTable"/> with their labels (true = fake) and the schema of the
/// fields the file provides. Text fields (username, full_name, bio, external_url) keep an empty cell as empty text;
/// numeric and boolean fields treat an empty cell as unknown, never as zero.
/// </summary>
public sealed record LabelledProfiles(FeatureSchema Schema, IReadOnlyList<FollowerProfile> Profiles, bool[] IsFake, long[] Lines)
{
    public int Positives => IsFake.Count(f => f);

    /// <summary>Reads the table with the given columns; <paramref name="required"/> (a model's schema) must be provided by the file.</summary>
    public static LabelledProfiles From(RecordTable table, ColumnOptions options, FeatureSchema? required = null)
    {
        var sources = ResolveSources(table, options);
        var extras = required?.Extras ?? options.Extras;
        var extraColumns = new int[extras.Count];
        for (var e = 0; e < extras.Count; e++)
        {
            extraColumns[e] = table.IndexOf(extras[e]);
            if (extraColumns[e] < 0)
            {
                throw new AuthenticityDataException(required is null
                    ? $"extra column '{extras[e]}' (--extra) is not in the data; its columns are: {Describe(table.Columns)}"
                    : $"the model needs the extra column '{extras[e]}', which the data lacks; its columns are: {Describe(table.Columns)}");
            }
        }
        var fields = sources.Select(s => s.Field).Distinct().ToList();
        if (required is not null)
        {
            var missing = required.Fields.Where(f => !fields.Contains(f)).ToList();
            if (missing.Count > 0)
            {
                throw new AuthenticityDataException(
                    $"the model uses {string.Join(", ", missing.Select(m => m.Name()))}, which the data does not provide " +
                    $"(map {(missing.Count > 1 ? "them" : "it")} with --map {missing[0].Name()}=COLUMN); its columns are: {Describe(table.Columns)}");
            }
            fields = [.. required.Fields];
        }
        var labelColumn = -1;
        if (options.Label is not null)
        {
            labelColumn = table.IndexOf(options.Label);
            if (labelColumn < 0)
                throw new AuthenticityDataException($"label column '{options.Label}' (--label) is not in the data; its columns are: {Describe(table.Columns)}");
        }
        var positive = new HashSet<string>(options.Positive.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);

        var profiles = new List<FollowerProfile>(table.Records.Count);
        var labels = new bool[table.Records.Count];
        var lines = new long[table.Records.Count];
        for (var r = 0; r < table.Records.Count; r++)
        {
            var record = table.Records[r];
            lines[r] = record.Line;
            if (labelColumn >= 0)
                labels[r] = Label(record, table.Columns[labelColumn], record.Values[labelColumn], positive);
            var profile = new FollowerProfile();
            foreach (var source in sources)
            {
                if (fields.Contains(source.Field))
                    profile = Apply(profile, source, record, table.Columns[source.Column]);
            }
            if (extras.Count > 0)
            {
                var values = new float?[extras.Count];
                for (var e = 0; e < extras.Count; e++)
                {
                    var cell = record.Values[extraColumns[e]];
                    if (CellParser.IsBlank(cell))
                        continue;
                    if (!CellParser.TryNumberOrBoolean(cell!, out var value))
                        throw NotA("a number", record, extras[e], "extra", cell!);
                    values[e] = (float)value;
                }
                profile = profile with { Extra = values };
            }
            profiles.Add(profile);
        }
        var schema = required ?? new FeatureSchema(fields, extras);
        return new LabelledProfiles(schema, profiles, labels, lines);
    }

    /// <summary>The rows at the given positions, same schema.</summary>
    public LabelledProfiles Subset(IReadOnlyList<int> rows) =>
        new(Schema, [.. rows.Select(r => Profiles[r])], [.. rows.Select(r => IsFake[r])], [.. rows.Select(r => Lines[r])]);

    private sealed record Source(string MapName, FollowerField Field, int Column);

    private static List<Source> ResolveSources(RecordTable table, ColumnOptions options)
    {
        var sources = new List<Source>();
        foreach (var (name, column) in options.Map)
        {
            if (!FollowerFields.ByMapName.TryGetValue(name.Trim(), out var field))
                throw new ArgumentException($"--map {name}={column}: unknown field '{name}'; the fields are: {FollowerFields.MapNames}");
            var index = table.IndexOf(column);
            if (index < 0)
                throw new AuthenticityDataException($"column '{column}' (--map {name}={column}) is not in the data; its columns are: {Describe(table.Columns)}");
            sources.RemoveAll(s => s.Field == field);
            sources.Add(new Source(name.Trim().ToLowerInvariant(), field, index));
        }
        // A field not mapped is read from a column of its own name; bio_length before bio, has_external_url before external_url.
        foreach (var name in new[] { "username", "full_name", "bio_length", "bio", "followers", "following", "posts", "has_profile_pic", "is_private", "has_external_url", "external_url" })
        {
            var field = FollowerFields.ByMapName[name];
            if (sources.Any(s => s.Field == field))
                continue;
            var index = table.IndexOf(name);
            if (index >= 0 && !IsLabelOrExtra(table.Columns[index], options))
                sources.Add(new Source(name, field, index));
        }
        return sources;
    }

    private static bool IsLabelOrExtra(string column, ColumnOptions options) =>
        string.Equals(column, options.Label, StringComparison.OrdinalIgnoreCase) || options.Extras.Contains(column, StringComparer.OrdinalIgnoreCase);

    private static FollowerProfile Apply(FollowerProfile profile, Source source, TableRecord record, string columnName)
    {
        var cell = record.Values[source.Column];
        switch (source.MapName)
        {
            case "username":
                return profile with { Username = CellParser.IsBlank(cell) ? null : cell!.Trim().TrimStart('@') };
            case "full_name":
                return profile with { FullName = cell?.Trim() };
            case "bio":
                return profile with { Bio = cell };
            case "external_url":
                return profile with { HasExternalUrl = cell is null ? null : !CellParser.IsBlank(cell) };
            case "bio_length":
                return profile with { BioLength = (int?)Count(record, columnName, source.MapName, cell) };
            case "followers":
                return profile with { Followers = Count(record, columnName, source.MapName, cell) };
            case "following":
                return profile with { Following = Count(record, columnName, source.MapName, cell) };
            case "posts":
                return profile with { Posts = Count(record, columnName, source.MapName, cell) };
            default:
                bool? flag = null;
                if (!CellParser.IsBlank(cell))
                    flag = CellParser.TryBoolean(cell!, out var value) ? value : throw NotA("a boolean (true/false, 1/0, yes/no)", record, columnName, source.MapName, cell!);
                return source.Field switch
                {
                    FollowerField.HasProfilePic => profile with { HasProfilePic = flag },
                    FollowerField.IsPrivate => profile with { IsPrivate = flag },
                    _ => profile with { HasExternalUrl = flag },
                };
        }
    }

    private static long? Count(TableRecord record, string column, string field, string? cell)
    {
        if (CellParser.IsBlank(cell))
            return null;
        if (!CellParser.TryNumber(cell!, out var value) || value < 0 || value > int.MaxValue * 1000.0)
            throw NotA("a count (a number ≥ 0)", record, column, field, cell!);
        return (long)Math.Round(value);
    }

    private static bool Label(TableRecord record, string column, string? cell, HashSet<string> positive)
    {
        if (CellParser.IsBlank(cell))
            throw new AuthenticityDataException($"line {record.Line}: the label column '{column}' is empty");
        if (positive.Count > 0)
            return positive.Contains(cell!.Trim());
        return CellParser.TryBoolean(cell!, out var fake)
            ? fake
            : throw new AuthenticityDataException(
                $"line {record.Line}: label '{cell}' in column '{column}' is not TRUE/FALSE, 1/0 or yes/no; name the value(s) that mean fake with --positive");
    }

    private static AuthenticityDataException NotA(string what, TableRecord record, string column, string field, string cell) =>
        new($"line {record.Line}: column '{column}' ({field}) must be {what}, not '{Shorten(cell)}'");

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : string.Concat(cell.AsSpan(0, 40), "…");

    private static string Describe(IReadOnlyList<string> columns) =>
        string.Join(", ", columns.Select(c => $"'{c}'"));
}
