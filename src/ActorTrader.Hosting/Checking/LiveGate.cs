using System.Security.Cryptography;
using System.Text;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Hosting.Checking;

/// <summary>
/// The live gate: a broker that moves real money (alpaca with <c>live = true</c>) starts only when every condition holds,
/// and the node refuses to start otherwise, naming each condition that failed:
/// <list type="number">
/// <item>the environment variable <c>LIVE_TRADING</c> is exactly <c>1</c>;</item>
/// <item>a confirm token is configured (<c>actortrader.broker.alpaca.live-confirm-token</c>, by default from
/// <c>ACTORTRADER_LIVE_CONFIRM_TOKEN</c>; the plain token or <c>sha256:&lt;64 hex digits&gt;</c> of it) and the operator's
/// <c>ACTORTRADER_LIVE_CONFIRM</c> matches it (compared in constant time; neither value is ever printed);</item>
/// <item><c>actortrader config-check</c> passes (no problem in any layer);</item>
/// <item>the market data is not synthetic (synthetic data never reaches a live broker).</item>
/// </list>
/// Fail closed: anything unknown counts as failed.
/// </summary>
public static class LiveGate
{
    public const string LiveTradingVariable = "LIVE_TRADING";
    public const string ConfirmVariable = "ACTORTRADER_LIVE_CONFIRM";
    public const string TokenVariable = "ACTORTRADER_LIVE_CONFIRM_TOKEN";
    public const string TokenKey = "actortrader.broker.alpaca.live-confirm-token";
    private const string HashPrefix = "sha256:";

    /// <summary>True when the configured broker moves real money, so the gate applies.</summary>
    public static bool Applies(BrokerSettings broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return broker.Kind == BrokerSettings.AlpacaKind && broker.Alpaca.Live;
    }

    /// <summary>
    /// Every condition that fails for the node configured by <paramref name="sources"/>: runs <see cref="ConfigCheck"/> on
    /// them (every section the node reads, the trading ones included; a file that cannot be read counts as "could not run")
    /// and takes LIVE_TRADING and the confirm token from their effective environment.
    /// </summary>
    public static IReadOnlyList<string> Failures(ConfigSources sources, BrokerSettings broker, bool? syntheticData)
    {
        ArgumentNullException.ThrowIfNull(sources);
        int? problems;
        try
        {
            problems = ConfigCheck.Run(sources).Problems.Count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems = null;
        }
        return Failures(broker, sources.EffectiveEnvironment(), problems, syntheticData);
    }

    /// <summary>Every condition that fails (empty: the live broker may start). Each names the condition and the fix, never a token.</summary>
    /// <param name="broker">The broker settings (the configured confirm token).</param>
    /// <param name="environment">The process environment (LIVE_TRADING, ACTORTRADER_LIVE_CONFIRM).</param>
    /// <param name="configCheckProblems">How many problems config-check found (null: it could not run).</param>
    /// <param name="syntheticData">Whether the prices the node trades on are synthetic (null: not known yet).</param>
    public static IReadOnlyList<string> Failures(BrokerSettings broker, IReadOnlyDictionary<string, string?> environment, int? configCheckProblems, bool? syntheticData)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(environment);
        var failures = new List<string>();
        if (environment.GetValueOrDefault(LiveTradingVariable) != "1")
            failures.Add($"{LiveTradingVariable} is not 1. Fix: start the node with {LiveTradingVariable}=1 to trade real money.");
        var configured = broker.Alpaca.LiveConfirmToken;
        var presented = environment.GetValueOrDefault(ConfirmVariable);
        if (string.IsNullOrWhiteSpace(configured))
            failures.Add($"No live confirm token is configured ({TokenKey}). Fix: set {TokenVariable} in the node's environment (the token, or sha256:<hex> of it).");
        else if (string.IsNullOrEmpty(presented))
            failures.Add($"{ConfirmVariable} is not set. Fix: set it to the configured live confirm token.");
        else if (!Matches(configured.Trim(), presented))
            failures.Add($"{ConfirmVariable} does not match the configured live confirm token ({TokenKey}). Fix: give the token the node was configured with.");
        if (configCheckProblems is not 0)
            failures.Add(configCheckProblems is null
                ? "config-check could not run. Fix: run ./actortrader config-check and correct what it reports."
                : $"config-check found {configCheckProblems} problem(s). Fix: run ./actortrader config-check and correct them.");
        if (syntheticData is not false)
            failures.Add(syntheticData is null
                ? "The market data source is not known to be real. Fix: ingest market data (actortrader ingest) so the node does not fall back to synthetic data."
                : "The market data is synthetic: synthetic data never reaches a live broker. Fix: ingest market data for the universe (actortrader ingest), or trade on the paper broker.");
        return failures;
    }

    /// <summary>Constant-time comparison of the presented token with the configured one (plain, or sha256:&lt;hex&gt; of it).</summary>
    public static bool Matches(string configured, string presented)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(presented);
        if (configured.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase))
        {
            byte[] expected;
            try
            {
                expected = Convert.FromHexString(configured[HashPrefix.Length..]);
            }
            catch (FormatException)
            {
                return false;
            }
            return expected.Length == 32 && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
