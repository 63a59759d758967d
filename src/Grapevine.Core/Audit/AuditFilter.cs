namespace Grapevine.Core.Audit;

/// <summary>
/// Which audit entries to read: one action, one person (by user id), and whole UTC days from and to, both included.
/// A field left null matches every entry.
/// </summary>
public sealed record AuditFilter(string? Action = null, Guid? ActorUserId = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly AuditFilter All = new();

    public bool IsEmpty => this == All;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (Action is { } action)
            entries = entries.Where(e => e.Action == action);
        if (ActorUserId is { } actor)
            entries = entries.Where(e => e.ActorUserId == actor);
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }
}
