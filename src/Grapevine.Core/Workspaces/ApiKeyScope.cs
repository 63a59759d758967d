namespace Grapevine.Core.Workspaces;

public enum ApiKeyScope
{
    Read,
    ReadWrite,
}
