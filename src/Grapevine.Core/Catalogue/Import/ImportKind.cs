namespace Grapevine.Core.Catalogue.Import;

public enum ImportKind
{
    Accounts,
    Posts,
    Snapshots,
    Followers,
    Comments,
}
