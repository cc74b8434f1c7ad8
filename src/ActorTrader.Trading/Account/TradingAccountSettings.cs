using ActorTrader.Hocon;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Accounts;

/// <summary>
/// Everything read from the trading-account keys of <c>actortrader.trading</c> (<c>account</c>, <c>orders</c>,
/// <c>broker-connection</c>); the defaults equal hocon/reference.conf. Read with <see cref="Read"/> (settings and
/// problems) or <see cref="FromConfig"/> (throws on any problem).
/// </summary>
/// <param name="RequireReconciliation">Always true: trading is never permitted before startup reconciliation succeeded (the key can only say on).</param>
/// <param name="ReconcileOnStart">Run startup reconciliation as soon as the account starts; off leaves trading halted until it is requested.</param>
/// <param name="ReconciliationStepTimeout">How long each reconciliation step (orders, fills, positions) may take.</param>
/// <param name="ReconciliationRetryInterval">After a failed reconciliation, the next attempt waits this long.</param>
public sealed record TradingAccountSettings(
    bool RequireReconciliation,
    bool ReconcileOnStart,
    TimeSpan ReconciliationStepTimeout,
    TimeSpan ReconciliationRetryInterval,
    OrderManagerSettings Orders,
    BrokerConnectionSettings BrokerConnection)
{
    public const string Section = "actortrader.trading";

    public static TradingAccountSettings Default { get; } = new(true, true, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
        OrderManagerSettings.Default, BrokerConnectionSettings.Default);

    /// <summary>Reads the settings; a key that is missing takes its default, a wrong one is a problem (and takes its default).</summary>
    public static (TradingAccountSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TradingAccountSettingsReader(config).Read();
    }

    /// <summary>Reads the settings; throws <see cref="TradingAccountSettingsException"/> listing every problem found.</summary>
    public static TradingAccountSettings FromConfig(Config config)
    {
        var (settings, problems) = Read(config);
        if (problems.Count > 0) throw new TradingAccountSettingsException(problems);
        return settings;
    }
}
