using System.Globalization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;

namespace ActorTrader.Trading.Risk;

/// <summary>
/// Reads <c>actortrader.risk</c> through a <see cref="ConfigProblemLog"/>: a key left out takes its default, a key
/// that is mistyped or out of range is reported with its position and fix and takes its default, so one pass reports
/// every problem.
/// </summary>
internal sealed class RiskSettingsReader(Config config)
{
    private const string S = RiskSettings.Section;
    private const string Breakers = S + ".circuit-breakers";
    private readonly ConfigProblemLog _log = new(config);

    public IReadOnlyList<ConfigProblem> Problems => _log.Problems;

    public RiskSettings Read()
    {
        var d = RiskSettings.Default;
        var settings = new RiskSettings(
            MaxOrderWeight: Fraction("max-order-weight", d.MaxOrderWeight, 0m, 1m, "the largest order as a fraction of NAV"),
            MaxPositionWeight: Fraction("max-position-weight", d.MaxPositionWeight, 0m, 1m, "the largest weight of one position"),
            MaxGrossExposure: Fraction("max-gross-exposure", d.MaxGrossExposure, 0m, 10m, "the gross exposure multiple"),
            MaxNetExposure: Fraction("max-net-exposure", d.MaxNetExposure, 0m, 10m, "the net exposure multiple"),
            MaxTradesPerDay: TradesPerDay(d.MaxTradesPerDay),
            MinNotional: MinNotional(d.MinNotional),
            MinConfidence: Confidence(d.MinConfidence),
            MarginMultiplier: MarginMultiplier(d.MarginMultiplier),
            AllowList: Symbols("allow-list"),
            DenyList: Symbols("deny-list"),
            AllowWhenMarketClosed: _log.ReadOptional($"{S}.allow-when-market-closed", config.GetBoolean, d.AllowWhenMarketClosed, "a boolean (on/off)"),
            CircuitBreakers: CircuitBreakers(d.CircuitBreakers),
            ReduceFraction: Fraction("reduce-fraction", d.ReduceFraction, 0m, 1m, "the share of every position REDUCE_POSITIONS cuts"),
            StopDistance: Fraction("stop-distance", d.StopDistance, 0m, 0.5m, "the distance of TIGHTEN_STOPS' stops from the last price"),
            NewDayResume: NewDayResumeSetting(d.NewDayResume),
            ActionResendInterval: ResendInterval(d.ActionResendInterval));
        return settings with
        {
            ActionRetryMaxInterval = RetryMaxInterval(d.ActionRetryMaxInterval, settings.ActionResendInterval),
            ActionMaxAttempts = MaxAttempts(d.ActionMaxAttempts),
        };
    }

    /// <summary>A decimal in (<paramref name="exclusiveMin"/>, <paramref name="inclusiveMax"/>].</summary>
    private decimal Fraction(string name, decimal fallback, decimal exclusiveMin, decimal inclusiveMax, string meaning)
    {
        var key = $"{S}.{name}";
        var value = _log.ReadOptional(key, config.GetDecimal, fallback, "a number");
        if (value > exclusiveMin && value <= inclusiveMax) return value;
        var rule = $"greater than {Text(exclusiveMin)} and at most {Text(inclusiveMax)}";
        Report(key, $"{key} = {Text(value)} is out of range: {meaning} must be {rule}.", $"Set {key} to a value {rule}, e.g. the default in hocon/reference.conf.");
        return fallback;
    }

    private int TradesPerDay(int fallback)
    {
        const string key = S + ".max-trades-per-day";
        var value = _log.ReadOptional(key, config.GetInt, fallback, "a whole number");
        if (value is >= 1 and <= 1_000_000) return value;
        Report(key, $"{key} = {value} is out of range 1..1000000.", $"Set {key} to the most orders a day may bring, e.g. {fallback}.");
        return fallback;
    }

    private decimal MinNotional(decimal fallback)
    {
        const string key = S + ".min-notional";
        var value = _log.ReadOptional(key, config.GetDecimal, fallback, "an amount");
        if (value >= 0m) return value;
        Report(key, $"{key} = {Text(value)} is negative.", $"Set {key} to 0 (no minimum) or more, e.g. {Text(fallback)}.");
        return fallback;
    }

    private double Confidence(double fallback)
    {
        const string key = S + ".min-confidence";
        var value = _log.ReadOptional(key, config.GetDouble, fallback, "a number from 0 to 1");
        if (value is >= 0.0 and <= 1.0) return value;
        Report(key, $"{key} = {value.ToString(CultureInfo.InvariantCulture)} is outside 0..1.", $"Set {key} to a confidence from 0 (refuse none) to 1.");
        return fallback;
    }

    private decimal MarginMultiplier(decimal fallback)
    {
        const string key = S + ".margin-multiplier";
        var value = _log.ReadOptional(key, config.GetDecimal, fallback, "a number");
        if (value is >= 1m and <= 10m) return value;
        Report(key, $"{key} = {Text(value)} is outside 1..10.", $"Set {key} to the account's leverage, e.g. 2 (Reg T) or 4 (intraday).");
        return fallback;
    }

    private Symbol[] Symbols(string name)
    {
        var key = $"{S}.{name}";
        var texts = _log.ReadOptional(key, config.GetStringList, [], "a list of symbols such as [\"NASDAQ:AAPL\"]");
        var symbols = new List<Symbol>();
        foreach (var text in texts)
        {
            if (Symbol.TryParse(text, out var symbol, out var error)) symbols.Add(symbol);
            else Report(key, $"{key} has \"{text}\", which is not a symbol: {error}", $"Write every entry of {key} as EXCHANGE:TICKER in quotes, e.g. \"NASDAQ:AAPL\".");
        }
        return symbols.Distinct().Order().ToArray();
    }

    private List<CircuitBreaker> CircuitBreakers(IReadOnlyList<CircuitBreaker> defaults)
    {
        var breakers = new List<CircuitBreaker>();
        foreach (var measure in RiskNames.Measures)
        {
            var levels = new List<CircuitBreaker>();
            foreach (var action in RiskNames.Actions)
            {
                var fallback = defaults.FirstOrDefault(b => b.Measure == measure && b.Action == action)?.Threshold ?? 0m;
                var key = $"{Breakers}.{RiskNames.Of(measure)}.{RiskNames.Of(action)}";
                var value = _log.ReadOptional(key, config.GetDecimal, fallback, "a fraction such as 0.05");
                if (value is < 0m or >= 1m)
                {
                    Report(key, $"{key} = {Text(value)} is outside 0 (off) .. 1.", $"Set {key} to the loss that triggers {RiskNames.Of(action)}, e.g. 0.05 for 5%, or 0 to turn it off.");
                    value = fallback;
                }
                if (value > 0m) levels.Add(new CircuitBreaker(measure, value, action));
            }
            // A more severe action at a lower or equal loss would always trip first and leave the milder one unreachable.
            for (var i = 1; i < levels.Count; i++)
            {
                var milder = levels[i - 1];
                var harsher = levels[i];
                if (harsher.Threshold > milder.Threshold) continue;
                var key = $"{Breakers}.{RiskNames.Of(measure)}.{RiskNames.Of(harsher.Action)}";
                Report(key, $"{key} = {Text(harsher.Threshold)} is not above {Breakers}.{milder.Name} = {Text(milder.Threshold)}, so {RiskNames.Of(milder.Action)} could never trip first.",
                    $"Give each more severe action of {RiskNames.Of(measure)} a higher threshold, or turn the milder one off with 0.");
            }
            breakers.AddRange(levels);
        }
        return breakers;
    }

    private NewDayResume NewDayResumeSetting(NewDayResume fallback)
    {
        const string key = S + ".new-day-resume";
        var text = _log.ReadOptional(key, config.GetString, Name(fallback), "one of off, reducing, all");
        switch (text)
        {
            case "off" or "false": return NewDayResume.Off;
            case "reducing": return NewDayResume.Reducing;
            case "all": return NewDayResume.All;
            default:
                Report(key, $"{key} = \"{text}\" is not one of off, reducing, all.", $"Set {key} to off (only an operator resumes), reducing (a new day lifts REDUCING) or all.");
                return fallback;
        }

        static string Name(NewDayResume value) => value switch
        {
            NewDayResume.Reducing => "reducing",
            NewDayResume.All => "all",
            _ => "off",
        };
    }

    private TimeSpan ResendInterval(TimeSpan fallback)
    {
        const string key = S + ".action-resend-interval";
        var value = _log.ReadOptional(key, config.GetTimeSpan, fallback, "a duration such as 10s");
        if (value > TimeSpan.Zero) return value;
        Report(key, $"{key} must be positive.", $"Set {key} to a duration such as 10s.");
        return fallback;
    }

    private TimeSpan RetryMaxInterval(TimeSpan fallback, TimeSpan resendInterval)
    {
        const string key = S + ".action-retry-max-interval";
        var value = _log.ReadOptional(key, config.GetTimeSpan, fallback, "a duration such as 5m");
        if (value >= resendInterval) return value;
        Report(key, $"{key} = {value} is shorter than {S}.action-resend-interval = {resendInterval}: the waits between attempts only grow up to it.",
            $"Set {key} to a duration of at least action-resend-interval, e.g. 5m.");
        return fallback >= resendInterval ? fallback : resendInterval;
    }

    private int MaxAttempts(int fallback)
    {
        const string key = S + ".action-max-attempts";
        var value = _log.ReadOptional(key, config.GetInt, fallback, "a whole number");
        if (value is >= 1 and <= 100) return value;
        Report(key, $"{key} = {value} is out of range 1..100.",
            $"Set {key} to how many orders the broker may reject for one position of an automatic action before trading halts, e.g. {fallback}.");
        return fallback;
    }

    private void Report(string key, string message, string fix) => _log.Report(key, message, fix);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
