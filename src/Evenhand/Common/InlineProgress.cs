namespace Evenhand.Common;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its callback at once on the reporting thread. (<see cref="Progress{T}"/> posts each
/// report to the thread pool, so reports arrive late and out of order, and a cancellation check inside one would not stop the work.)
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
