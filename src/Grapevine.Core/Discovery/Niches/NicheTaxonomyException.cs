namespace Grapevine.Core.Discovery.Niches;

/// <summary>A niche taxonomy file that cannot be used, with what is wrong in it.</summary>
public sealed class NicheTaxonomyException(string message) : Exception(message);
