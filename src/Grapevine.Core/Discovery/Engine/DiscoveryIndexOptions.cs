using System.ComponentModel.DataAnnotations;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>Settings of the web app's discovery index (section <c>Discovery</c>).</summary>
public sealed class DiscoveryIndexOptions
{
    public const string Section = "Discovery";

    /// <summary>
    /// Seconds between checks for search profiles written outside this process (the CLI's import, demo and discovery
    /// refresh): the index takes them in, as it does after an import through the API. 0 turns the checks off.
    /// </summary>
    [Range(0, 86_400)]
    public int CatchUpSeconds { get; set; } = 30;
}
