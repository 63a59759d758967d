namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// A demo niche: its slug (stored in <c>accounts.category</c>), the category of the calibration data set it
/// draws followers from, and the words its creators use. Brands are fictional; the first
/// <see cref="CompetitorCount"/> of them recur across many creators as a niche's "competitors".
/// </summary>
public sealed record DemoNiche(
    string Slug,
    string Name,
    string DatasetCategory,
    double ShareOfCategory,
    int[] PlatformWeights,
    string[] Keywords,
    string[] Hashtags,
    string[] Brands,
    string[] Topics,
    string[] Products,
    string[] HandleWords,
    string[] BioLines,
    string[] Comments)
{
    public const int CompetitorCount = 3;

    public IEnumerable<string> Competitors => Brands.Take(CompetitorCount);
}
