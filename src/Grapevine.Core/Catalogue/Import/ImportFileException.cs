namespace Grapevine.Core.Catalogue.Import;

/// <summary>A problem with the file as a whole (no header, empty, unreadable): nothing of it is imported.</summary>
internal sealed class ImportFileException(string message) : Exception(message);
