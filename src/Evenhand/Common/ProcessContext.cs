namespace Evenhand.Common;

/// <summary>Who is doing something, when, and (optionally) why. Every service call that changes data takes one; the audit trail is written from it.</summary>
public sealed record ProcessContext(string UserId, string UserName, DateTimeOffset Now, string? Reason = null)
{
    public static ProcessContext System(TimeProvider time, string reason) =>
        new("system", "Evenhand (system)", time.GetUtcNow(), reason);
}
