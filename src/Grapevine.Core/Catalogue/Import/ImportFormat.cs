namespace Grapevine.Core.Catalogue.Import;

public enum ImportFormat
{
    Csv,
    JsonLines,
}
