using System.Text.Json;
using ActorTrader.Backtest.Universe;
using ActorTrader.Strategies.Panel;
using ActorTrader.Trading.Universe;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// The universe of a <c>backtest --strategy</c> run (<c>actortrader.backtest.walk-forward.universe</c>): the features
/// matrix filtered point in time at every decision, or none — the fixed symbol list. Resolved once the panel is loaded;
/// it names itself in <c>backtest_run.json</c>, the tearsheet notes and the printed summary.
/// </summary>
internal sealed record BacktestUniverse(
    IUniverseFilter? Filter,
    string Description,
    UniverseSettings Settings,
    string MatrixFile,
    UniverseAudit? Audit)
{
    private const string NoneDescription = "none: fixed symbol list";

    /// <summary>
    /// The universe for <paramref name="panel"/>. Source features with no matrix, a matrix holding none of the symbols, or
    /// rules that allow nothing at any decision stop the run (exit 1) with the fix; auto falls back to none when the file
    /// is absent or holds none of the symbols (the bundled samples or synthetic data, say), and says so.
    /// </summary>
    public static BacktestUniverse Resolve(ResearchEnvironment environment, BarPanel panel)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(panel);
        var settings = ReadSettings(environment);
        var path = environment.Data.Layout.FeaturesMatrix;
        var file = Path.GetRelativePath(environment.WorkingDirectory, path).Replace(Path.DirectorySeparatorChar, '/');
        FeatureMatrixUniverseFilter? filter;
        try
        {
            filter = FeatureMatrixUniverse.Open(settings, path, panel.Symbols, panel.Timeframe.Duration);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(ExitCodes.Problems, e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(ExitCodes.Problems, $"The backtest universe cannot be read: {e.Message}", e);
        }
        if (filter is null)
        {
            var why = settings.Source == UniverseSource.None ? $"{UniverseSettings.Section}.source = none" : $"no {file}; source = auto";
            return new BacktestUniverse(null, $"{NoneDescription} ({why})", settings, file, null);
        }

        var audit = filter.Audit(panel.Symbols, panel.Times);
        if (audit.Missing.Count == panel.SymbolCount)
        {
            if (settings.Source == UniverseSource.Auto)
                return new BacktestUniverse(null, $"{NoneDescription} ({file} holds none of the {panel.SymbolCount} symbols; source = auto)", settings, file, null);
            throw new CliException(ExitCodes.Problems,
                $"{UniverseSettings.Section}.source = features, but {file} holds none of the {panel.SymbolCount} symbols of the backtest ({Examples(audit.Missing)}). " +
                "Fix: run `actortrader ingest` for these symbols, then `actortrader features backfill`; or backtest symbols the lakehouse holds (--symbols).");
        }
        if (audit.IsEmpty)
        {
            throw new CliException(ExitCodes.Problems,
                $"The universe from {file} is empty at every decision ({settings.Rules.Describe()}): no symbol has the history, rating and close required " +
                $"between {TextFormat.Day(panel.Times[0])} and {TextFormat.Day(panel.Times[^1])}. " +
                $"Fix: lower {UniverseSettings.Section}.min-history, min-rating or min-close, widen the window (--from), or set {UniverseSettings.Section}.source = none.");
        }
        return new BacktestUniverse(filter, $"{Path.GetFileName(path)} as of each rebalance: {settings.Rules.Describe()}", settings, file, audit);
    }

    /// <summary>The summary line: the description, and how many symbols the matrix held and allowed.</summary>
    public string SummaryLine()
    {
        if (Audit is not { } audit) return Description;
        var counts = audit.Decisions.Select(d => d.Allowed).ToArray();
        var held = audit.Requested.Count - audit.Missing.Count;
        return $"{Description}; {held} of {audit.Requested.Count} symbols in the matrix" +
               (audit.Missing.Count > 0 ? $" (missing, never held: {Examples(audit.Missing)})" : "") +
               $", allowed per decision {counts.Min()}..{counts.Max()}, at the last {counts[^1]}";
    }

    /// <summary><paramref name="runJson"/> (an object) with a <c>universe</c> member appended; every other member is kept byte for byte.</summary>
    public string AddTo(string runJson)
    {
        ArgumentNullException.ThrowIfNull(runJson);
        using var document = JsonDocument.Parse(runJson);
        return CliJson.Write(w =>
        {
            w.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(w);
            w.WriteStartObject("universe");
            w.WriteString("source", Filter is null ? "none" : "features");
            w.WriteString("configured_source", Settings.Source.ToString().ToLowerInvariant());
            w.WriteString("description", Description);
            w.WriteString("file", MatrixFile);
            if (Filter is null)
            {
                w.WriteNull("rules"); // no rule was applied
            }
            else
            {
                w.WriteStartObject("rules");
                w.WriteNumber("min_history", Settings.Rules.MinimumHistory);
                w.Number("min_rating", Settings.Rules.MinimumRating);
                w.Number("min_close", Settings.Rules.MinimumClose);
                w.WriteEndObject();
            }
            if (Audit is { } audit)
            {
                w.Strings("missing_symbols", audit.Missing.Select(s => s.ToString()));
                w.WriteStartArray("allowed_per_decision");
                foreach (var decision in audit.Decisions)
                {
                    w.WriteStartObject();
                    w.Time("time", decision.Time);
                    w.WriteNumber("allowed", decision.Allowed);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }, indented: true);
    }

    private static UniverseSettings ReadSettings(ResearchEnvironment environment)
    {
        var (settings, problems) = UniverseSettings.Read(environment.Config);
        if (problems.Count == 0) return settings;
        var lines = problems.Select(p => $"  {p.Location}: {p.Message}{Environment.NewLine}      fix: {p.Fix}");
        throw new CliException(ExitCodes.Problems,
            $"The backtest universe configuration has problems:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }

    private static string Examples(IReadOnlyList<ActorTrader.Domain.Instruments.Symbol> symbols) =>
        string.Join(", ", symbols.Take(5).Select(s => s.ToString())) + (symbols.Count > 5 ? $", … {symbols.Count - 5} more" : "");
}
