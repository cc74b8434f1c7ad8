using System.Globalization;

namespace ActorTrader.Hosting.Alerts;

/// <summary>
/// Where every alert of the node goes first. It folds repeats of a key within the de-duplication window into the first
/// (the dashboard shows "×N"), keeps the newest alerts for the dashboard and <c>GET /api/alerts</c>, and passes the rest
/// to the sinks (log, webhook) at most <see cref="AlertSettings.RateLimitPerMinute"/> a minute; alerts held back by the
/// rate limit are counted and reported in one <see cref="AlertKinds.Suppressed"/> alert once the minute is over.
/// Thread-safe; sinks are called outside the lock and must not block.
/// </summary>
public sealed class AlertCenter
{
    private readonly AlertSettings _settings;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IAlertSink> _sinks;
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _recent = new();
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _sent = new();
    private int _suppressed;
    private long _version;

    public AlertCenter(AlertSettings settings, TimeProvider time, IReadOnlyList<IAlertSink> sinks)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _sinks = sinks ?? throw new ArgumentNullException(nameof(sinks));
    }

    /// <summary>Increases whenever the recent list changes (a new alert or a folded repeat).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Alerts held back by the rate limit and not reported yet.</summary>
    public int Suppressed
    {
        get
        {
            lock (_lock) return _suppressed;
        }
    }

    /// <summary>
    /// Records <paramref name="alert"/>; true when it went to the sinks, false when it was a repeat within the
    /// de-duplication window or the rate limit held it back (it is in the recent list either way).
    /// </summary>
    public bool Raise(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var send = new List<Alert>(2);
        bool delivered;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_byKey.TryGetValue(alert.Key, out var existing) && now - existing.FirstSeen < _settings.DedupeWindow)
            {
                existing.Repeats++;
                existing.LastAt = alert.At;
                Interlocked.Increment(ref _version);
                return false;
            }
            var entry = new Entry(alert, now);
            if (existing is not null) _recent.Remove(existing.Node!);
            entry.Node = _recent.AddFirst(entry);
            _byKey[alert.Key] = entry;
            while (_recent.Count > _settings.Recent)
            {
                var oldest = _recent.Last!.Value;
                _recent.RemoveLast();
                if (ReferenceEquals(_byKey.GetValueOrDefault(oldest.Alert.Key), oldest)) _byKey.Remove(oldest.Alert.Key);
            }
            Interlocked.Increment(ref _version);
            if (TakeSuppressedReport(now) is { } report) send.Add(report);
            delivered = TryTakeSlot(now);
            if (delivered) send.Add(alert);
            else _suppressed++;
        }
        foreach (var a in send) Deliver(a);
        return delivered;
    }

    /// <summary>Reports the alerts the rate limit held back once it lets alerts through again (the node calls it periodically).</summary>
    public void FlushSuppressed()
    {
        Alert? report;
        lock (_lock) report = TakeSuppressedReport(_time.GetUtcNow());
        if (report is not null) Deliver(report);
    }

    /// <summary>The newest <paramref name="limit"/> alerts, newest first.</summary>
    public IReadOnlyList<AlertEntry> Recent(int limit)
    {
        lock (_lock) return [.. _recent.Take(Math.Max(0, limit)).Select(e => new AlertEntry(e.Alert, e.Repeats, e.LastAt))];
    }

    private Alert? TakeSuppressedReport(DateTimeOffset now)
    {
        if (_suppressed == 0 || !TryTakeSlot(now)) return null;
        var count = _suppressed;
        _suppressed = 0;
        return new Alert(AlertKinds.Suppressed, AlertSeverity.Warning, AlertKinds.Suppressed,
            string.Create(CultureInfo.InvariantCulture, $"{count} alerts were held back by the rate limit ({_settings.RateLimitPerMinute} a minute); the dashboard and GET /api/alerts list them all."), now);
    }

    private bool TryTakeSlot(DateTimeOffset now)
    {
        while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromMinutes(1)) _sent.Dequeue();
        if (_sent.Count >= _settings.RateLimitPerMinute) return false;
        _sent.Enqueue(now);
        return true;
    }

    private void Deliver(Alert alert)
    {
        foreach (var sink in _sinks) sink.Send(alert);
    }

    private sealed class Entry(Alert alert, DateTimeOffset firstSeen)
    {
        public Alert Alert { get; } = alert;
        public DateTimeOffset FirstSeen { get; } = firstSeen;
        public int Repeats { get; set; }
        public DateTimeOffset LastAt { get; set; } = alert.At;
        public LinkedListNode<Entry>? Node { get; set; }
    }
}
