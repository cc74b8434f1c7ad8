using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorTrader.Node.Operations;

/// <summary>
/// Listens to the node's meter in-process and keeps what <c>GET /metrics</c> shows: each counter's total per tag set,
/// each gauge's last value (observed when the summary is read) and for each histogram the count and p50/p95/p99/max
/// over its last <see cref="Reservoir"/> values.
/// </summary>
internal sealed class MetricsSummary : IDisposable
{
    public const int Reservoir = 2048;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram> _histograms = new(StringComparer.Ordinal);

    public MetricsSummary(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The summary now: gauges are observed first.</summary>
    public MetricsView Read(DateTimeOffset at)
    {
        _listener.RecordObservableInstruments();
        return new MetricsView(at,
            new SortedDictionary<string, double>(_counters, StringComparer.Ordinal),
            new SortedDictionary<string, double>(_gauges, StringComparer.Ordinal),
            new SortedDictionary<string, HistogramView>(_histograms.ToDictionary(kv => kv.Key, kv => kv.Value.View()), StringComparer.Ordinal));
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = Key(instrument.Name, tags);
        switch (instrument)
        {
            case Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<double>:
                _counters.AddOrUpdate(key, value, (_, total) => total + value);
                break;
            case Histogram<double> or Histogram<long> or Histogram<int>:
                _histograms.GetOrAdd(key, _ => new Histogram()).Add(value);
                break;
            default:
                // Observable gauges and counters report their current value.
                _gauges[key] = value;
                break;
        }
    }

    private static string Key(string name, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return name;
        var parts = new List<string>(tags.Length);
        foreach (var tag in tags) parts.Add($"{tag.Key}={tag.Value}");
        parts.Sort(StringComparer.Ordinal);
        return $"{name}{{{string.Join(",", parts)}}}";
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Histogram
    {
        private readonly double[] _values = new double[Reservoir];
        private long _count;

        public void Add(double value)
        {
            var index = Interlocked.Increment(ref _count) - 1;
            _values[index % Reservoir] = value;
        }

        public HistogramView View()
        {
            var count = Interlocked.Read(ref _count);
            var sorted = _values.Take((int)Math.Min(count, Reservoir)).Order().ToArray();
            if (sorted.Length == 0) return new HistogramView(0, 0, 0, 0, 0);
            double Rank(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
            return new HistogramView(count, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
        }
    }
}

/// <summary><c>GET /metrics</c>: counters (totals), gauges (last values) and histograms, keyed by name and tags.</summary>
internal sealed record MetricsView(DateTimeOffset At, IReadOnlyDictionary<string, double> Counters, IReadOnlyDictionary<string, double> Gauges, IReadOnlyDictionary<string, HistogramView> Histograms);

/// <summary>A histogram: all values recorded, and quantiles over the most recent ones.</summary>
internal sealed record HistogramView(long Count, double P50, double P95, double P99, double Max);
