namespace Evenhand.Common;

/// <summary>A state change the domain refuses (for example closing a recommendation with no evidence). The message is shown to the user.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>The record was changed by someone else after the user loaded it.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message)
{
    public const string DefaultMessage =
        "This record was changed by someone else after you opened it. Your changes have not been saved. Reload the page to see the latest version, then make your changes again.";

    public ConcurrencyConflictException() : this(DefaultMessage) { }
}

/// <summary>The record does not exist, or the caller may not know that it exists (records of another force are reported as not found).</summary>
public sealed class NotFoundException(string message) : Exception(message);
