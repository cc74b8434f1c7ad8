using System.Collections.Concurrent;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Slows down guessing at the login page: after <see cref="MaxFailures"/> wrong tokens from one address within
/// <see cref="Window"/>, that address is refused until the window has passed.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string address)
    {
        if (!_failures.TryGetValue(address, out var failures)) return false;
        lock (failures)
        {
            Expire(failures);
            return failures.Count >= MaxFailures;
        }
    }

    public void Failed(string address)
    {
        var failures = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures);
            failures.Enqueue(time.GetUtcNow());
        }
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);

    private void Expire(Queue<DateTimeOffset> failures)
    {
        var since = time.GetUtcNow() - Window;
        while (failures.Count > 0 && failures.Peek() <= since) failures.Dequeue();
    }
}
