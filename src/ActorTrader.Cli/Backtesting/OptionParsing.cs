using System.Globalization;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Cli.Backtesting;

/// <summary>Option values of the research commands; a bad value is a usage error (exit 2) naming the option and the fix.</summary>
internal static class OptionParsing
{
    public static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliException(ExitCodes.Usage, $"{option} \"{text}\" is not a date. Fix: write it as yyyy-MM-dd, e.g. 2019-06-28.");

    /// <summary>
    /// --from/--to as the UTC bounds a sleeve run takes: from the start of the first day (included) to the start of the day
    /// after the last (exclusive), so both days are in.
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Window(string? from, string? to)
    {
        var first = Date(from, "--from");
        var last = Date(to, "--to");
        if (first is { } f && last is { } l && f > l)
            throw new CliException(ExitCodes.Usage, $"--from {f:yyyy-MM-dd} is after --to {l:yyyy-MM-dd}. Fix: give a start on or before the end.");
        return (first is { } a ? Utc(a) : null, last is { } b ? Utc(b).AddDays(1) : null);
    }

    public static DateTimeOffset Utc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static List<Symbol> Symbols(IEnumerable<string>? tokens)
    {
        var symbols = new List<Symbol>();
        foreach (var text in Names.List(tokens))
        {
            if (!Symbol.TryParse(text, out var symbol, out var error)) throw new CliException(ExitCodes.Usage, $"--symbols: {error}");
            if (symbols.Contains(symbol)) throw new CliException(ExitCodes.Usage, $"--symbols lists {symbol} twice. Fix: list each symbol once.");
            symbols.Add(symbol);
        }
        return symbols;
    }

    public static PanelSourceKind Source(string? text) =>
        text is null ? PanelSourceKind.Auto
        : PanelSourceNames.TryParse(text, out var kind) ? kind
        : throw new CliException(ExitCodes.Usage, $"--source \"{text}\" is not known. Fix: use one of {string.Join(", ", PanelSourceNames.All)}.");

    public static SimulatorKind? Simulator(string? text)
    {
        if (text is null) return null;
        try
        {
            return SimulatorSetup.ParseKind(text);
        }
        catch (FormatException e)
        {
            throw new CliException(ExitCodes.Usage, "--simulator: " + e.Message, e);
        }
    }

    public static RebalanceSchedule? Rebalance(string? text)
    {
        if (text is null) return null;
        try
        {
            return RebalanceSchedule.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException(ExitCodes.Usage, "--rebalance: " + e.Message, e);
        }
    }
}
