namespace Evenhand.Common;

/// <summary>
/// A state change the domain refuses (for example closing a recommendation with no evidence). The message is shown to the
/// user. When the refusal is about particular fields, <see cref="Errors"/> names each one (in the form's order), so a page can
/// put each message beside its field and link to it from the error summary.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message) => Errors = [];

    public DomainRuleException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>One refused field: <see cref="Field"/> is the domain's name for it (a property of the options record, or a key such as "Answer:9").</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The record was changed by someone else after the user loaded it.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message)
{
    public const string DefaultMessage =
        "This record was changed by someone else after you opened it. Your changes have not been saved. Reload the page to see the latest version, then make your changes again.";

    public ConcurrencyConflictException() : this(DefaultMessage) { }
}

/// <summary>The record does not exist, or the caller may not know that it exists (records of another force are reported as not found).</summary>
public sealed class NotFoundException(string message) : Exception(message);
