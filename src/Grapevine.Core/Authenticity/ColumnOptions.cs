namespace Grapevine.Core.Authenticity;

/// <summary>
/// How to read labelled profiles from a file's columns. <paramref name="Label"/> is the label column (null when
/// scoring unlabelled data); <paramref name="Positive"/> lists the label values that mean fake (empty: the label is a
/// boolean, true meaning fake); <paramref name="Map"/> pairs a field name (<see cref="FollowerFields.ByMapName"/>) with a
/// column; fields not mapped are looked up by their own name; <paramref name="Extras"/> are numeric or boolean columns
/// used as they are.
/// </summary>
public sealed record ColumnOptions(
    string? Label,
    IReadOnlyList<string> Positive,
    IReadOnlyList<KeyValuePair<string, string>> Map,
    IReadOnlyList<string> Extras);
