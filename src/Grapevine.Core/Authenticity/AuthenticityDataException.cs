namespace Grapevine.Core.Authenticity;

/// <summary>Labelled data or a model file that cannot be used; the message names the line and column.</summary>
public sealed class AuthenticityDataException(string message) : InvalidOperationException(message);
