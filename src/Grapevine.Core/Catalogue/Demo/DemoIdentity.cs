namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Who account number <c>Index</c> is: decided first for every account, so that handles can be made unique in order.</summary>
internal sealed record DemoIdentity(
    int Index,
    DemoNiche Niche,
    Platform Platform,
    string Country,
    string Language,
    string FirstName,
    string LastName,
    string Handle);
