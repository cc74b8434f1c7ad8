using System.Globalization;
using System.Text.Json;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;

namespace ActorTrader.Cli.Research;

/// <summary>How the research commands print: aligned text for people, one JSON object per command for tools (invariant culture, stable order).</summary>
internal static class ResearchText
{
    public static IEnumerable<string> Status(ResearchStatus status)
    {
        yield return $"Research window: {status.Window}{(status.FollowsWindow ? "" : " (this process runs research when asked, whatever the window)")}";
        var rows = status.Populations.Select(p => new[]
        {
            p.Strategy, p.RunId ?? "-", Phase(p.Phase),
            p.GenerationLimit is { } limit ? $"{p.Generations}/{limit}" : N(p.Generations),
            F(p.Best), F(p.Mean), F(p.BestEver), N(p.Evaluations), p.EvaluationsPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        foreach (var line in Table(["strategy", "run", "phase", "generation", "best", "mean", "best of run", "evaluations", "evaluations/s"], rows)) yield return line;
        foreach (var p in status.Populations.Where(p => p.Error is not null)) yield return $"{p.Strategy}: {p.Error}";
    }

    public static string StatusJson(ResearchStatus status) => CliJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("window", status.Window);
        w.WriteBoolean("window_open", status.WindowOpen);
        w.WriteStartArray("populations");
        foreach (var p in status.Populations)
        {
            w.WriteStartObject();
            w.WriteString("strategy", p.Strategy);
            w.WriteString("run_id", p.RunId);
            w.WriteString("phase", Phase(p.Phase));
            w.WriteNumber("generation", p.Generations);
            w.Number("best", Fitness(p.Best));
            w.Number("mean", Fitness(p.Mean));
            w.Number("best_of_run", Fitness(p.BestEver));
            w.WriteNumber("evaluations", p.Evaluations);
            w.Number("evaluations_per_s", Math.Round(p.EvaluationsPerSecond, 3));
            if (p.GenerationLimit is { } limit) w.WriteNumber("generation_limit", limit);
            else w.WriteNull("generation_limit");
            w.WriteString("regime", p.Regime);
            w.WriteString("data_fingerprint", p.DataFingerprint);
            w.WriteString("error", p.Error);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented: false);

    public static IEnumerable<string> History(PopulationHistory history)
    {
        if (history.RunId is null)
        {
            yield return $"{history.Strategy} has no research run yet. Start one with `actortrader research start --strategy {history.Strategy}`.";
            yield break;
        }
        yield return $"{history.Strategy}, run {history.RunId}: {history.Generations.Count} generation(s)";
        var rows = history.Generations.Select(g => new[]
        {
            N(g.Generation), F(g.Best), F(g.Mean), F(g.BestEver), g.MutationRate.ToString("0.###", CultureInfo.InvariantCulture),
            g.Diversity.ToString("0.###", CultureInfo.InvariantCulture), N(g.Evaluations), Verdict(g.Verdict),
        }).ToList();
        foreach (var line in Table(["generation", "best", "mean", "best of run", "mutation", "diversity", "evaluations", "stagnation"], rows)) yield return line;
        yield return history.StagnationEvents.Count == 0
            ? "Stagnation events: none."
            : "Stagnation events: " + string.Join("; ", history.StagnationEvents.Select(e => $"{Verdict(e.Verdict)} after generation {N(e.Generation)}"));
    }

    public static string HistoryJson(PopulationHistory history) => CliJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("strategy", history.Strategy);
        w.WriteString("run_id", history.RunId);
        w.WriteStartArray("generations");
        foreach (var g in history.Generations)
        {
            w.WriteStartObject();
            w.WriteNumber("generation", g.Generation);
            w.Number("best", Fitness(g.Best));
            w.Number("mean", Fitness(g.Mean));
            w.Number("best_of_run", Fitness(g.BestEver));
            w.Number("mutation_rate", g.MutationRate);
            w.Number("diversity", g.Diversity);
            w.WriteNumber("evaluations", g.Evaluations);
            w.WriteString("stagnation", Verdict(g.Verdict));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("stagnation_events");
        foreach (var e in history.StagnationEvents)
        {
            w.WriteStartObject();
            w.WriteNumber("generation", e.Generation);
            w.WriteString("event", Verdict(e.Verdict));
            w.Number("best_of_run", Fitness(e.BestEver));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented: false);

    public static IEnumerable<string> Candidates(CandidateList list)
    {
        if (list.Candidates.Count == 0)
        {
            yield return "No candidates yet: a population proposes its best genome once it reaches actortrader.research.promotion.candidate-min-fitness.";
            yield break;
        }
        var rows = list.Candidates.Select(c => new[]
        {
            c.Id, c.Stage.ToString().ToLowerInvariant(), F(c.Adjusted), F(c.Validation?.OutOfSampleSharpe), F(c.Validation?.DeflatedSharpe),
            N(c.Validation?.Trades ?? 0), c.PaperSince is null ? "-" : $"{N(c.PaperDays)}/{N(c.PaperDaysRequired)}",
        }).ToList();
        foreach (var line in Table(["id", "stage", "fitness", "oos sharpe", "deflated sharpe", "oos trades", "paper days"], rows)) yield return line;
        foreach (var c in list.Candidates)
        {
            // A discovered rule has no parameters: its rule text is the genome.
            yield return c.Rule is { } rule
                ? $"{c.Id}: {rule}"
                : $"{c.Id}: {string.Join(", ", c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"))}";
            if (c.Validation is { Passed: false } failed) yield return $"  rejected: {string.Join(" ", failed.Reasons)}";
            if (c.Paper is { } paper) foreach (var line in Paper(paper)) yield return line;
        }
    }

    /// <summary>The paper record under a candidate: its figures, then each skipped session with the reason.</summary>
    private static IEnumerable<string> Paper(PaperEvidence paper)
    {
        if (paper.Days.Count == 0)
        {
            yield return "  paper: no paper day recorded yet";
        }
        else
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  paper: {paper.Days.Count} day(s) to {paper.Days[^1].Date:yyyy-MM-dd}, NAV {paper.Nav:0.00}, return {PaperChecks.P(paper.Return)}, Sharpe {F(paper.Sharpe)}, max drawdown {PaperChecks.P(paper.MaxDrawdown)}");
        }
        foreach (var skip in paper.Skipped) yield return string.Create(CultureInfo.InvariantCulture, $"  paper skipped {skip.Date:yyyy-MM-dd}: {skip.Reason}");
    }

    public static string CandidatesJson(CandidateList list) => CliJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("candidates");
        foreach (var c in list.Candidates) Candidate(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }, indented: false);

    public static string PromotionJson(PromotionResult result) => CliJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("accepted", result.Accepted);
        w.WriteString("message", result.Message);
        if (result.Candidate is { } c)
        {
            w.WritePropertyName("candidate");
            Candidate(w, c);
        }
        w.WriteEndObject();
    }, indented: false);

    /// <summary>One progress line of <c>research start</c>, printed after each generation.</summary>
    public static string Progress(PopulationStatus status) => string.Create(CultureInfo.InvariantCulture,
        $"{status.Strategy}: generation {status.Generations}{(status.GenerationLimit is { } l ? $"/{l}" : "")}, best {F(status.Best)}, mean {F(status.Mean)}, best of run {F(status.BestEver)}, {status.Evaluations} evaluations ({status.EvaluationsPerSecond:0.0}/s)");

    private static void Candidate(Utf8JsonWriter w, CandidateView c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("strategy", c.Strategy);
        w.WriteString("stage", c.Stage.ToString().ToLowerInvariant());
        w.WriteString("run_id", c.RunId);
        w.WriteNumber("generation", c.Generation);
        w.Map("parameters", c.Parameters);
        w.WriteString("rule", c.Rule);
        w.Number("fitness", c.Adjusted);
        w.Number("in_sample_sharpe", c.Sharpe);
        if (c.Validation is { } v)
        {
            w.WriteStartObject("validation");
            w.WriteBoolean("passed", v.Passed);
            w.Number("out_of_sample_sharpe", v.OutOfSampleSharpe);
            w.Number("deflated_sharpe", v.DeflatedSharpe);
            w.WriteNumber("trades", v.Trades);
            w.Number("incumbent_sharpe", v.IncumbentSharpe);
            w.Number("diebold_mariano_p", v.DieboldMarianoPValue);
            w.Number("paired_t_p", v.PairedPValue);
            w.WriteNumber("trials", v.Trials);
            w.Strings("reasons", v.Reasons);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("validation");
        }
        w.Time("proposed_at", c.ProposedAt);
        w.Time("paper_since", c.PaperSince);
        w.WriteNumber("paper_days", c.PaperDays);
        w.WriteNumber("paper_days_required", c.PaperDaysRequired);
        w.Time("live_since", c.LiveSince);
        PaperJson(w, c.Paper);
        w.WriteEndObject();
    }

    private static void PaperJson(Utf8JsonWriter w, PaperEvidence? paper)
    {
        if (paper is null)
        {
            w.WriteNull("paper");
            return;
        }
        w.WriteStartObject("paper");
        if (paper.Nav is { } nav) w.WriteNumber("nav", nav);
        else w.WriteNull("nav");
        w.Number("return", paper.Return);
        w.Number("sharpe", paper.Sharpe);
        w.Number("max_drawdown", paper.MaxDrawdown);
        w.WriteStartArray("days");
        foreach (var d in paper.Days)
        {
            w.WriteStartObject();
            w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("nav", d.Nav);
            w.Number("return", d.Return);
            w.WriteNumber("orders", d.Orders);
            w.WriteNumber("fills", d.Fills);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("skipped");
        foreach (var skip in paper.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("date", skip.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("reason", skip.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Phase(PopulationPhase phase) => phase == PopulationPhase.NotStarted ? "not-started" : phase.ToString().ToLowerInvariant();

    private static double? Fitness(double? value) => value is { } v && v <= FitnessResult.WorstFitness ? null : value;

    private static string F(double? value) => value switch
    {
        null => "-",
        { } v when v <= FitnessResult.WorstFitness => "worst",
        { } v => v.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Verdict(StagnationVerdict verdict) => verdict switch
    {
        StagnationVerdict.InjectDiversity => "inject-diversity",
        StagnationVerdict.Restart => "restart",
        _ => "-",
    };

    private static IEnumerable<string> Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        yield return Line(header);
        foreach (var row in rows) yield return Line(row);
    }
}
