using System.Globalization;
using ActorTrader.Hocon;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Accounts;

/// <summary>Reads the trading-account keys through a <see cref="ConfigProblemLog"/>: one pass reports every problem.</summary>
internal sealed class TradingAccountSettingsReader(Config config)
{
    private const string Account = TradingAccountSettings.Section + ".account";
    private const string Orders = TradingAccountSettings.Section + ".orders";
    private const string Connection = TradingAccountSettings.Section + ".broker-connection";

    private readonly ConfigProblemLog _log = new(config);

    public (TradingAccountSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read()
    {
        var defaults = TradingAccountSettings.Default;
        var settings = new TradingAccountSettings(
            RequireReconciliation(),
            Flag($"{Account}.reconcile-on-start", defaults.ReconcileOnStart),
            Duration($"{Account}.reconciliation-step-timeout", defaults.ReconciliationStepTimeout),
            Duration($"{Account}.reconciliation-retry-interval", defaults.ReconciliationRetryInterval),
            ReadOrders(defaults.Orders),
            ReadConnection(defaults.BrokerConnection));
        return (settings, _log.Problems);
    }

    /// <summary>Configurable only towards stricter: <c>off</c> is a problem and the setting stays on.</summary>
    private bool RequireReconciliation()
    {
        const string key = Account + ".require-reconciliation";
        if (!Flag(key, true))
        {
            _log.Report(key, $"{key} = off is not allowed: trading never starts before the order book, fills and positions were reconciled with the broker.",
                $"Remove {key} or set it to on; to keep trading halted at start, set {Account}.reconcile-on-start = off instead.");
        }
        return true;
    }

    private OrderManagerSettings ReadOrders(OrderManagerSettings defaults)
    {
        var snapshotInterval = _log.ReadOptional($"{Orders}.snapshot-interval", config.GetInt, defaults.SnapshotInterval, "a whole number");
        if (snapshotInterval < 1)
        {
            _log.Report($"{Orders}.snapshot-interval", $"{Orders}.snapshot-interval = {snapshotInterval.ToString(CultureInfo.InvariantCulture)} must be at least 1.",
                $"Set it to how many events may pass between snapshots, e.g. {defaults.SnapshotInterval}.");
            snapshotInterval = defaults.SnapshotInterval;
        }
        return new OrderManagerSettings(
            snapshotInterval,
            Duration($"{Orders}.resolve-interval", defaults.ResolveInterval),
            Duration($"{Orders}.resolve-grace", defaults.ResolveGrace),
            Duration($"{Orders}.redeliver-interval", defaults.RedeliverInterval),
            Duration($"{Orders}.fills-timeout", defaults.FillsTimeout),
            Duration($"{Orders}.broker-timeout", defaults.BrokerTimeout));
    }

    private BrokerConnectionSettings ReadConnection(BrokerConnectionSettings defaults)
    {
        var minBackoff = Duration($"{Connection}.min-backoff", defaults.MinBackoff);
        var maxBackoff = Duration($"{Connection}.max-backoff", defaults.MaxBackoff);
        if (maxBackoff < minBackoff)
        {
            _log.Report($"{Connection}.max-backoff", $"{Connection}.max-backoff ({maxBackoff}) is shorter than min-backoff ({minBackoff}).",
                $"Set {Connection}.max-backoff to at least {Connection}.min-backoff.");
            maxBackoff = minBackoff;
        }
        var randomFactor = _log.ReadOptional($"{Connection}.random-factor", config.GetDouble, defaults.RandomFactor, "a number between 0 and 1");
        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
        {
            _log.Report($"{Connection}.random-factor", $"{Connection}.random-factor = {randomFactor.ToString(CultureInfo.InvariantCulture)} is outside 0..1.",
                $"Set it between 0 (no jitter) and 1, e.g. {defaults.RandomFactor.ToString(CultureInfo.InvariantCulture)}.");
            randomFactor = defaults.RandomFactor;
        }
        var maxBuffered = _log.ReadOptional($"{Connection}.max-buffered", config.GetInt, defaults.MaxBuffered, "a whole number");
        if (maxBuffered < 1)
        {
            _log.Report($"{Connection}.max-buffered", $"{Connection}.max-buffered = {maxBuffered.ToString(CultureInfo.InvariantCulture)} must be at least 1.",
                $"Set it to how many commands may wait for the connection, e.g. {defaults.MaxBuffered.ToString(CultureInfo.InvariantCulture)}.");
            maxBuffered = defaults.MaxBuffered;
        }
        var maxInFlight = _log.ReadOptional($"{Connection}.max-in-flight", config.GetInt, defaults.MaxInFlight, "a whole number");
        if (maxInFlight < 1)
        {
            _log.Report($"{Connection}.max-in-flight", $"{Connection}.max-in-flight = {maxInFlight.ToString(CultureInfo.InvariantCulture)} must be at least 1.",
                "Set it to 1 to keep broker calls in arrival order, or higher for throughput.");
            maxInFlight = defaults.MaxInFlight;
        }
        return new BrokerConnectionSettings(minBackoff, maxBackoff, randomFactor,
            Duration($"{Connection}.reset-backoff", defaults.ResetBackoff), maxBuffered, Duration($"{Connection}.buffer-timeout", defaults.BufferTimeout), maxInFlight);
    }

    private bool Flag(string key, bool fallback) => _log.ReadOptional(key, config.GetBoolean, fallback, "on or off");

    private TimeSpan Duration(string key, TimeSpan fallback)
    {
        var value = _log.ReadOptional(key, config.GetTimeSpan, fallback, "a duration such as 5s");
        if (value > TimeSpan.Zero) return value;
        _log.Report(key, $"{key} must be a positive duration.", $"Set {key} to a duration such as {fallback.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s.");
        return fallback;
    }
}
