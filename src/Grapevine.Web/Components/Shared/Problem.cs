using Grapevine.Core.Campaigns;
using Grapevine.Core.Notes;
using Grapevine.Core.Workspaces;

namespace Grapevine.Web.Components.Shared;

/// <summary>The failures a page form shows to the person instead of an error page.</summary>
public static class Problem
{
    public static bool IsShown(Exception e) => e is ArgumentException or WorkspaceRuleException or PermissionDeniedException or NoteDeletionRefusedException or KeyNotFoundException
        or CandidateKeepsChangingException;

    /// <summary>The message without .NET's " (Parameter 'x')" suffix.</summary>
    public static string Message(Exception e) =>
        e is ArgumentException { ParamName: { } p } && e.Message.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal)
            ? e.Message[..^$" (Parameter '{p}')".Length]
            : e.Message;
}
