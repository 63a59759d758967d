namespace Grapevine.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
