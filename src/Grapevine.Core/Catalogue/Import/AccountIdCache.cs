using System.Collections.Concurrent;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>A (platform, normalised handle) pair that names an account.</summary>
internal readonly record struct AccountKey(Platform Platform, string Handle);

/// <summary>
/// The ids of the accounts one writer has seen, filled in bulk per batch, plus the keys known to
/// have no account (forgotten when accounts are written, since they may then exist). The importer's
/// parser thread reads it while the writer fills it.
/// </summary>
internal sealed class AccountIdCache
{
    private readonly ConcurrentDictionary<AccountKey, long> _ids = [];
    private readonly ConcurrentDictionary<AccountKey, bool> _missing = [];

    public bool TryGet(AccountKey key, out long id) => _ids.TryGetValue(key, out id);

    public bool IsKnownMissing(AccountKey key) => _missing.ContainsKey(key);

    public void Add(AccountKey key, long id)
    {
        _ids[key] = id;
        _missing.TryRemove(key, out _);
    }

    public void AddMissing(AccountKey key) => _missing[key] = true;

    public void ForgetMissing() => _missing.Clear();

    public long IdOf(AccountKey key) =>
        _ids.TryGetValue(key, out var id)
            ? id
            : throw new InvalidOperationException($"no {key.Platform.Name()} account '{key.Handle}'; import accounts first");
}
