using System.Globalization;

namespace ActorTrader.Node.Hosting;

/// <summary>How the node runs its trading core (role trader).</summary>
public enum TradingMode
{
    /// <summary>No trading core: the control actor and the management API only.</summary>
    Off,

    /// <summary>A replay of the bundled data on a virtual clock (<c>--replay</c>); the node exits when it ends.</summary>
    Replay,

    /// <summary>The trading day on the wall clock and the real calendar (<c>--live-clock</c>); runs until stopped.</summary>
    LiveClock,
}

/// <summary>
/// The node's command line: <c>--config FILE</c>, any number of <c>--set key=value</c>, and the trading mode:
/// <c>--replay [--days N] [--start yyyy-MM-dd]</c> or <c>--live-clock</c>.
/// </summary>
/// <param name="ConfigFile">The node file; null uses ACTORTRADER_CONFIG or hocon/node.conf.</param>
/// <param name="Sets">Overrides applied over the node file and the environment.</param>
public sealed record NodeArguments(string? ConfigFile, IReadOnlyList<string> Sets)
{
    public const string Usage = "Usage: ActorTrader.Node [--config FILE] [--set actortrader.key=value ...] [--replay [--days N] [--start yyyy-MM-dd] | --live-clock]";

    public TradingMode Mode { get; init; } = TradingMode.Off;

    /// <summary>Trading days of a replay (null: actortrader.trading.day.replay.days).</summary>
    public int? Days { get; init; }

    /// <summary>First date of a replay (null: actortrader.trading.day.replay.start).</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad one and the usage.</summary>
    public static NodeArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        var sets = new List<string>();
        var mode = TradingMode.Off;
        int? days = null;
        DateOnly? start = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--config":
                    config = inlineValue ?? Next(ref i, name);
                    break;
                case "--set":
                    sets.Add(inlineValue ?? Next(ref i, name));
                    break;
                case "--replay":
                    mode = Choose(mode, TradingMode.Replay);
                    break;
                case "--live-clock":
                    mode = Choose(mode, TradingMode.LiveClock);
                    break;
                case "--days":
                    var text = inlineValue ?? Next(ref i, name);
                    days = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1
                        ? d
                        : throw new ArgumentException($"--days {text} is not a whole number of at least 1. {Usage}");
                    break;
                case "--start":
                    var date = inlineValue ?? Next(ref i, name);
                    start = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
                        ? s
                        : throw new ArgumentException($"--start {date} is not a date yyyy-MM-dd. {Usage}");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument \"{args[i]}\". {Usage}");
            }
        }
        if ((days is not null || start is not null) && mode != TradingMode.Replay)
            throw new ArgumentException($"--days and --start belong to a replay; add --replay. {Usage}");
        return new NodeArguments(config, sets) { Mode = mode, Days = days, Start = start };

        string Next(ref int i, string name) =>
            ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value. {Usage}");
    }

    private static TradingMode Choose(TradingMode current, TradingMode wanted) =>
        current == TradingMode.Off || current == wanted
            ? wanted
            : throw new ArgumentException($"--replay and --live-clock exclude each other. {Usage}");
}
