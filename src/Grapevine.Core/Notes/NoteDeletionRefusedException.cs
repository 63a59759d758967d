namespace Grapevine.Core.Notes;

/// <summary>Someone other than a note's author, below Admin, tried to delete it: answered with 403.</summary>
public sealed class NoteDeletionRefusedException()
    : Exception("Only the note's author, an Admin or an Owner may delete it.");
