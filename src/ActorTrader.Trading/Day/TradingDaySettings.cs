using System.Globalization;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Trading.Rebalancing;
using ActorTrader.Trading.Replay;

namespace ActorTrader.Trading.Day;

/// <summary>
/// The trading day's schedule and the rebalance rules (<c>actortrader.trading.day</c>). Times are exchange-local "HH:mm"
/// (America/New_York for the NYSE) and become UTC per date, so DST never shifts a phase against the market.
/// </summary>
/// <param name="PreMarket">Reconciliation and data refresh (never later than the session open).</param>
/// <param name="ScheduledRuns">Strategy runs, ascending by time.</param>
/// <param name="RebalanceAt">The daily rebalance, or null for none (rebalances then only follow runs marked so, or the operator).</param>
/// <param name="PostMarketDelay">How long after the session close the post-market phase starts.</param>
/// <param name="PhaseTimeout">A phase whose work takes longer fails (and its work is cancelled).</param>
public sealed record TradingDaySettings(
    TimeOnly PreMarket,
    IReadOnlyList<ScheduledRun> ScheduledRuns,
    TimeOnly? RebalanceAt,
    TimeSpan PostMarketDelay,
    TimeSpan PhaseTimeout,
    RebalanceSettings Rebalance,
    ReplaySettings Replay)
{
    public const string Section = "actortrader.trading.day";

    private static readonly string[] RunKeys = ["at", "strategies", "rebalance"];

    /// <summary>The defaults of hocon/reference.conf.</summary>
    public static TradingDaySettings Default { get; } = new(
        new TimeOnly(8, 0),
        [
            new ScheduledRun(new TimeOnly(9, 31), ["gap_fill"]),
            new ScheduledRun(new TimeOnly(10, 0), ["relative_volume_breakout"]),
            new ScheduledRun(new TimeOnly(10, 30), ["mean_reversion"]),
            new ScheduledRun(new TimeOnly(11, 0), ["pairs"]),
        ],
        new TimeOnly(15, 45),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(10),
        RebalanceSettings.Default,
        ReplaySettings.Default);

    /// <summary>Reads the settings; every bad value is reported (positioned, with the fix) and replaced by its default.</summary>
    public static (TradingDaySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var items = new List<ConfigProblem>();
        var d = Default;
        var r = d.Rebalance;

        var preMarket = Time($"{Section}.pre-market", d.PreMarket);
        var runs = ReadRuns($"{Section}.scheduled-runs");
        var rebalanceAt = RebalanceTime($"{Section}.rebalance.at", d.RebalanceAt);
        var postMarketDelay = Get($"{Section}.post-market-delay", d.PostMarketDelay, config.GetTimeSpan, "a duration such as 15m");
        var phaseTimeout = Get($"{Section}.phase-timeout", d.PhaseTimeout, config.GetTimeSpan, "a duration such as 10m");
        if (postMarketDelay < TimeSpan.Zero)
        {
            Report($"{Section}.post-market-delay", $"{Section}.post-market-delay ({postMarketDelay}) is negative.", "Set it to 0 or more, e.g. 15m.");
            postMarketDelay = d.PostMarketDelay;
        }
        if (phaseTimeout <= TimeSpan.Zero)
        {
            Report($"{Section}.phase-timeout", $"{Section}.phase-timeout ({phaseTimeout}) must be positive.", "Set it to e.g. 10m.");
            phaseTimeout = d.PhaseTimeout;
        }
        if (rebalanceAt is { } at && (at <= preMarket || at >= NyseCalendar.RegularClose))
        {
            Report($"{Section}.rebalance.at", $"{Section}.rebalance.at = \"{Text(at)}\" is not between pre-market ({Text(preMarket)}) and the regular close ({Text(NyseCalendar.RegularClose)}).",
                "Set it after pre-market and before the close, e.g. \"15:45\", or \"off\".");
            rebalanceAt = d.RebalanceAt;
        }
        foreach (var run in runs.Where(run => run.At <= preMarket || run.At >= NyseCalendar.RegularClose))
        {
            Report($"{Section}.scheduled-runs", $"The scheduled run at {Text(run.At)} is not between pre-market ({Text(preMarket)}) and the regular close ({Text(NyseCalendar.RegularClose)}).",
                "Move it inside the trading day, e.g. \"10:00\".");
        }
        runs = runs.Where(run => run.At > preMarket && run.At < NyseCalendar.RegularClose).ToList();

        var equityLot = Get($"{Section}.rebalance.equity-lot", r.EquityLot, config.GetDecimal, "a positive number of shares, e.g. 1");
        var fractionalLot = Get($"{Section}.rebalance.fractional-lot", r.FractionalLot, config.GetDecimal, "a positive quantity, e.g. 0.0001");
        var minNotional = Get($"{Section}.rebalance.min-notional", r.MinNotional, config.GetDecimal, "an amount of money, e.g. 1.00");
        var tolerance = Get($"{Section}.rebalance.weight-tolerance", r.WeightTolerance, config.GetDouble, "a number from 0 to 0.1, e.g. 0.0001");
        var longOnly = Get($"{Section}.rebalance.long-only", r.LongOnly, config.GetBoolean, "on or off");
        var fractionable = ReadSymbols($"{Section}.rebalance.fractionable");
        if (equityLot <= 0)
        {
            Report($"{Section}.rebalance.equity-lot", $"{Section}.rebalance.equity-lot = {equityLot.ToString(CultureInfo.InvariantCulture)} is not positive.", "Set it to 1 for whole shares.");
            equityLot = r.EquityLot;
        }
        if (fractionalLot <= 0)
        {
            Report($"{Section}.rebalance.fractional-lot", $"{Section}.rebalance.fractional-lot = {fractionalLot.ToString(CultureInfo.InvariantCulture)} is not positive.", "Set it to e.g. 0.0001.");
            fractionalLot = r.FractionalLot;
        }
        if (minNotional < 0)
        {
            Report($"{Section}.rebalance.min-notional", $"{Section}.rebalance.min-notional = {minNotional.ToString(CultureInfo.InvariantCulture)} is negative.", "Set it to 0 or more, e.g. 1.00.");
            minNotional = r.MinNotional;
        }
        if (tolerance is < 0 or > 0.1 || double.IsNaN(tolerance))
        {
            Report($"{Section}.rebalance.weight-tolerance", $"{Section}.rebalance.weight-tolerance = {tolerance.ToString(CultureInfo.InvariantCulture)} is outside 0..0.1.", "Use a small number, e.g. 0.0001.");
            tolerance = r.WeightTolerance;
        }

        var days = Get($"{Section}.replay.days", d.Replay.Days, config.GetInt, "a whole number of trading days");
        if (days < 1)
        {
            Report($"{Section}.replay.days", $"{Section}.replay.days = {days} is less than 1.", "Replay at least one trading day, e.g. 60.");
            days = d.Replay.Days;
        }
        var start = Date($"{Section}.replay.start", d.Replay.Start);

        var settings = new TradingDaySettings(preMarket, runs, rebalanceAt, postMarketDelay, phaseTimeout,
            new RebalanceSettings(equityLot, fractionalLot, fractionable, minNotional, tolerance, longOnly),
            new ReplaySettings(days, start));
        return (settings, [.. log.Problems, .. items]);

        T Get<T>(string key, T fallback, Func<string, T> read, string expected) => log.ReadOptional(key, read, fallback, expected);

        void Report(string key, string message, string fix) => log.Report(key, message, fix);

        TimeOnly Time(string key, TimeOnly fallback)
        {
            var text = Get<string?>(key, null, config.GetString, "a time \"HH:mm\"");
            if (text is null) return fallback;
            if (TryParseTime(text, out var time)) return time;
            Report(key, $"{key} = \"{text}\" is not an exchange-local time \"HH:mm\".", $"Write a 24-hour time with two-digit hours and minutes, e.g. \"{Text(fallback)}\".");
            return fallback;
        }

        TimeOnly? RebalanceTime(string key, TimeOnly? fallback)
        {
            var text = Get<string?>(key, null, config.GetString, "a time \"HH:mm\" or off");
            if (text is null) return fallback;
            if (text.Trim().ToLowerInvariant() is "off" or "false" or "no" or "none") return null;
            if (TryParseTime(text, out var time)) return time;
            Report(key, $"{key} = \"{text}\" is neither an exchange-local time \"HH:mm\" nor off.", "Write a 24-hour time such as \"15:45\", or off for no timed rebalance.");
            return fallback;
        }

        DateOnly Date(string key, DateOnly fallback)
        {
            var text = Get<string?>(key, null, config.GetString, "a date \"yyyy-MM-dd\"");
            if (text is null) return fallback;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Report(key, $"{key} = \"{text}\" is not a date \"yyyy-MM-dd\".", $"Write the exchange-local first day of the replay, e.g. \"{IsoDate.Text(fallback)}\".");
            return fallback;
        }

        IReadOnlySet<Symbol> ReadSymbols(string key)
        {
            var names = Get<IReadOnlyList<string>>(key, [], config.GetStringList, "a list of symbols such as [\"NASDAQ:AAPL\"]");
            var symbols = new SortedSet<Symbol>();
            foreach (var name in names)
            {
                if (Symbol.TryParse(name, out var symbol, out var error)) symbols.Add(symbol);
                else Report(key, $"{key} lists \"{name}\": {error}", "List symbols as EXCHANGE:TICKER, e.g. [\"NASDAQ:AAPL\"].");
            }
            return symbols;
        }

        List<ScheduledRun> ReadRuns(string key)
        {
            if (!config.HasPath(key)) return [.. d.ScheduledRuns];
            var node = config.GetValue(key)!;
            if (!node.IsArray)
            {
                Report(key, $"{key} must be a list of runs.", "Write scheduled-runs = [ { at = \"09:31\", strategies = [gap_fill] } ], or [] for none.");
                return [.. d.ScheduledRuns];
            }
            var runs = new List<ScheduledRun>();
            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var path = $"{key}[{i}]";
                if (!item.IsObject)
                {
                    Item(item, node, path, $"{path} must be an object.", "Write { at = \"10:00\", strategies = [mean_reversion] }.");
                    continue;
                }
                foreach (var unknown in item.Keys.Where(k => !RunKeys.Contains(k)))
                    Item(item[unknown], item, path, $"{path} has an unknown key \"{unknown}\".", $"Use only {string.Join(", ", RunKeys)}.");
                var at = item["at"];
                if (at is null || !at.IsScalar || !TryParseTime(at.AsString(), out var time))
                {
                    Item(at, item, $"{path}.at", $"{path}.at {(at is null ? "is missing" : $"= {at} is not an exchange-local time \"HH:mm\"")}.",
                        "Write a 24-hour time with two-digit hours and minutes, e.g. at = \"10:00\".");
                    continue;
                }
                var names = item["strategies"];
                var strategies = names is { IsArray: true } ? names.Items.Where(n => n.IsScalar).Select(n => n.AsString().Trim()).Where(n => n.Length > 0).ToList() : [];
                if (names is null || !names.IsArray || strategies.Count == 0 || strategies.Count != names.Items.Count)
                {
                    Item(names, item, $"{path}.strategies", $"{path}.strategies must be a non-empty list of strategy names.", "Write strategies = [gap_fill].");
                    continue;
                }
                var rebalance = false;
                if (item["rebalance"] is { } flag)
                {
                    var text = flag.IsScalar ? flag.AsString().Trim().ToLowerInvariant() : "";
                    if (text is "true" or "yes" or "on") rebalance = true;
                    else if (text is not ("false" or "no" or "off"))
                        Item(flag, item, $"{path}.rebalance", $"{path}.rebalance = {flag} is not a boolean.", "Write rebalance = on to rebalance right after this run, else off.");
                }
                if (runs.Any(run => run.At == time))
                {
                    Item(at, item, $"{path}.at", $"{path}.at = \"{Text(time)}\" is already the time of another run.", "Give each run its own time, or list all its strategies in one run.");
                    continue;
                }
                runs.Add(new ScheduledRun(time, strategies, rebalance));
            }
            return [.. runs.OrderBy(run => run.At)];
        }

        void Item(HoconValue? value, HoconValue parent, string path, string message, string fix) =>
            items.Add(new ConfigProblem(path, value?.Position ?? parent.Position ?? config.GetPosition(Section), message, fix));
    }

    /// <summary>Parses a strict 24-hour "HH:mm".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var trimmed = text?.Trim();
        return trimmed is { Length: 5 } && trimmed[2] == ':' && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[1])
               && char.IsAsciiDigit(trimmed[3]) && char.IsAsciiDigit(trimmed[4])
               && TimeOnly.TryParseExact(trimmed, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
