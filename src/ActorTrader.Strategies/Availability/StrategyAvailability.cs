using ActorTrader.Domain.Accounting;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Strategies.Availability;

/// <summary>
/// Whether a configured strategy can run here, and if not why and how to fix it. A strategy that shorts (always, like
/// pairs, or with its current parameters, like trend_following with direction = both) refuses a cash account; one that
/// needs fundamentals refuses a catalog without them. The sleeve reports the reason and runs without the strategy.
/// </summary>
public sealed record StrategyAvailability(string Strategy, bool IsEnabled, string? Reason)
{
    public static StrategyAvailability Enabled(string strategy) => new(strategy, true, null);

    public static StrategyAvailability Disabled(string strategy, string reason) => new(strategy, false, reason);

    /// <summary>Checks <paramref name="strategy"/> with its <paramref name="settings"/> against the account and the data at hand.</summary>
    public static StrategyAvailability Check(IStrategy strategy, StrategySetting settings, AccountKind account, bool panelHasFundamentals)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(settings);
        var name = strategy.Name;
        if (!string.Equals(settings.Name, name, StringComparison.Ordinal))
            throw new ArgumentException($"Settings of {settings.Name} were given for strategy {name}.", nameof(settings));
        var key = $"{StrategySettings.Section}.{name}";
        if (!settings.Enabled)
            return Disabled(name, $"{name} is disabled in the configuration ({key}.enabled = false).");
        if (account == AccountKind.Cash)
        {
            if (strategy.Requirements.NeedsMargin)
            {
                return Disabled(name, $"{name} needs a margin account to short; this account is cash. " +
                                      $"Fix: set the broker account to a margin account or disable {name} ({key}.enabled = false).");
            }
            if (strategy is IConditionalShorting conditional && conditional.ShortsWith(settings.Parameters) is { } shorting)
            {
                return Disabled(name, $"{name} with {shorting.Parameter} = {shorting.Value} needs a margin account to short; this account is cash. " +
                                      $"Fix: set {key}.parameters.{shorting.Parameter} = {shorting.LongOnlyValue}, use a margin account, or disable {name} ({key}.enabled = false).");
            }
        }
        if (strategy.Requirements.NeedsFundamentals && !panelHasFundamentals)
        {
            return Disabled(name, $"{name} needs fundamental inputs (market cap, book-to-price or earnings yield, return on equity, debt-to-equity); " +
                                  $"there are no fundamental inputs in the catalog. Fix: ingest fundamentals into the symbol catalog or disable {name} ({key}.enabled = false).");
        }
        return Enabled(name);
    }
}
