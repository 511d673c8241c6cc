namespace Evenhand.Importing;

/// <summary>
/// A document could not be read or understood. The message is written for the person who uploaded it:
/// it names the file and says what was expected, so it can be shown as it is.
/// </summary>
public sealed class ImportException(string message) : Exception(message);
