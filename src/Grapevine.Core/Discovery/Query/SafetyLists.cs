using Grapevine.Core.BrandSafety;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// Which brand-safety lists a discovery answer used, and why: <see cref="FlaggedTexts"/> for the hits' flagged-text counts,
/// <see cref="Fit"/> for the fit score's brand-safety part. Each is <see cref="Workspace"/> (the workspace's own lists, the
/// ones its vetting reports use) or <see cref="Default"/> (Grapevine's shipped lists).
/// </summary>
public sealed record SafetyLists(
    [property: System.ComponentModel.Description("Lists the hits' flaggedTexts were counted with: \"workspace\" (the workspace's own, as in its vetting reports) or \"default\"")]
    string FlaggedTexts,
    [property: System.ComponentModel.Description("Lists the fit score's safety part was computed with: \"workspace\" or \"default\"")]
    string Fit,
    [property: System.ComponentModel.Description("Which lists applied, and why, in one or two sentences")]
    string Note)
{
    public const string Workspace = "workspace";
    public const string Default = "default";

    public static SafetyLists Of(WorkspaceLexicon lexicon)
    {
        if (!lexicon.HasWorkspace)
            return new SafetyLists(Default, Default, "Grapevine's default brand-safety lists: no workspace is signed in here, so no workspace's own lists apply.");
        if (!lexicon.Edited)
            return new SafetyLists(Default, Default,
                "Grapevine's default brand-safety lists: this workspace has not edited its lists, so the defaults are its lists, in its vetting reports too.");
        if (lexicon.FlagsAsDefault)
            return new SafetyLists(Workspace, Workspace,
                "This workspace's brand-safety lists, as in its vetting reports (they hold the same keywords as the defaults, so the fit score's safety part agrees too).");
        return new SafetyLists(Workspace, Default,
            "Flagged texts are counted with this workspace's brand-safety lists, as in its vetting reports. The fit score's safety part still uses "
            + "Grapevine's default lists, because search profiles are built once for every workspace; it can rank an account your lists "
            + "would flag (or not) differently from its flagged count.");
    }
}
