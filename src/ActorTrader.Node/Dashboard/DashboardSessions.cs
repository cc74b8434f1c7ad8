using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ActorTrader.Node.Dashboard;

/// <summary>One signed-in browser: the random id its cookie carries and the CSRF value its page sends with every POST.</summary>
internal sealed record DashboardSession(string Id, string Csrf, DateTimeOffset ExpiresAt);

/// <summary>
/// The dashboard's sign-ins, in memory: the login page exchanges the management token for a random session id (the
/// token itself never goes into a cookie), valid for <see cref="Lifetime"/>. A node restart signs everybody out.
/// At most <see cref="MaxSessions"/>: the oldest is dropped first.
/// </summary>
internal sealed class DashboardSessions(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public const int MaxSessions = 64;

    private readonly ConcurrentDictionary<string, DashboardSession> _sessions = new(StringComparer.Ordinal);

    public DashboardSession Create()
    {
        var session = new DashboardSession(RandomValue(), RandomValue(), time.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        foreach (var stale in _sessions.Values.Where(s => s.ExpiresAt <= time.GetUtcNow()).ToList()) _sessions.TryRemove(stale.Id, out _);
        while (_sessions.Count > MaxSessions && _sessions.Values.MinBy(s => s.ExpiresAt) is { } oldest) _sessions.TryRemove(oldest.Id, out _);
        return session;
    }

    /// <summary>The live session of <paramref name="id"/>; null when unknown or expired.</summary>
    public DashboardSession? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var session)) return null;
        if (session.ExpiresAt > time.GetUtcNow()) return session;
        _sessions.TryRemove(id, out _);
        return null;
    }

    public void Remove(string? id)
    {
        if (!string.IsNullOrEmpty(id)) _sessions.TryRemove(id, out _);
    }

    private static string RandomValue() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
