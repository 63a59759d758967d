namespace Grapevine.Core.Catalogue.Demo;

/// <param name="Creators">How many accounts the demo catalogue holds.</param>
/// <param name="Seed">The same seed always gives the same catalogue.</param>
/// <param name="AsOf">The demo's "today": posts and snapshots lead up to it. Fixed for reproducible output.</param>
public sealed record DemoOptions(int Creators, int Seed, DateTime AsOf);
