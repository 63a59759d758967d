namespace Grapevine.Core.Workspaces;

/// <summary>A request that breaks a workspace rule (e.g. removing the last owner): answered with 409.</summary>
public sealed class WorkspaceRuleException(string message) : Exception(message);
