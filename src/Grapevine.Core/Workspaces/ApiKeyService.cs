using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Workspaces;

/// <summary>API keys: created per workspace, shown once, stored as a hash, revocable at once.</summary>
public sealed class ApiKeyService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public const string KeyPrefix = "gv_";

    // Writing last-use on every request would turn reads into writes; once a minute is enough to read.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a key and returns its secret, which is never stored or shown again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiKeyScope scope, CancellationToken ct)
    {
        if (!current.Can(Permission.ManageApiKeys))
            throw new PermissionDeniedException(Permission.ManageApiKeys);
        name = name.Trim();
        if (name.Length is 0 or > 100)
            throw new ArgumentException("A key name has 1 to 100 characters.", nameof(name));
        var secret = KeyPrefix + SecretTokens.New();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = name,
            Prefix = secret[..(KeyPrefix.Length + 8)],
            Hash = SecretTokens.Hash(secret),
            Scope = scope,
            CreatedBy = current.UserId ?? Guid.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        audit.Add(AuditLog.Actions.ApiKeyCreated, $"{name} ({key.Prefix}…)", $"scope {scope}");
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }

    /// <summary>The workspace's keys, newest first, each with its creator's e-mail (null once their account is gone).</summary>
    public async Task<List<ApiKeyListing>> ListAsync(CancellationToken ct)
    {
        if (!current.Can(Permission.ManageApiKeys))
            throw new PermissionDeniedException(Permission.ManageApiKeys);
        return await (
                from k in db.ApiKeys.AsNoTracking()
                join u in db.Users on k.CreatedBy equals u.Id into creators
                from creator in creators.DefaultIfEmpty()
                orderby k.CreatedAt descending
                select new ApiKeyListing(k, creator == null ? null : creator.Email))
            .ToListAsync(ct);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        if (!current.Can(Permission.ManageApiKeys))
            throw new PermissionDeniedException(Permission.ManageApiKeys);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) ?? throw new KeyNotFoundException("No such API key.");
        if (key.RevokedAt is not null)
            return;
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditLog.Actions.ApiKeyRevoked, $"{key.Name} ({key.Prefix}…)");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Finds the live key for a presented secret (across workspaces: the key says which one) and
    /// records its use; null for unknown or revoked keys.
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(KeyPrefix, StringComparison.Ordinal))
            return null;
        var hash = SecretTokens.Hash(secret);
        var key = await db.ApiKeys.IgnoreQueryFilters().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUseResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return key;
    }
}
