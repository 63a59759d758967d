namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// What a refresh did: accounts read, profile rows inserted or changed, niche and term rows written (added, changed or
/// removed), and where the time went, in seconds (building overlaps reading and writing, so the phases add up to more
/// than <see cref="Seconds"/>).
/// </summary>
public sealed record SearchProfileRefreshReport(
    int Accounts,
    int ProfilesWritten,
    int ChildRowsWritten,
    int Groups,
    double Seconds,
    double ReadSeconds,
    double BuildSeconds,
    double WriteSeconds,
    double PercentileSeconds)
{
    public static readonly SearchProfileRefreshReport Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
