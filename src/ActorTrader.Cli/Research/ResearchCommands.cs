using System.CommandLine;
using ActorTrader.Actors;
using ActorTrader.Hosting.Management;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Promotion.Pipeline;

namespace ActorTrader.Cli.Research;

/// <summary>
/// <c>actortrader research start|stop|status|history|candidates|promote</c>. With a running node that has role research,
/// each command asks that node over its management API (<see cref="ResearchNodeClient"/>); <c>start</c> then returns once
/// the node evolves, in the background. Without one, the research actors run in this process over the node's journal
/// (<see cref="ResearchHost"/>), and <c>start</c> evolves now, printing a line per generation, until the run's generation
/// limit, <c>--generations</c> more, or Ctrl+C (the generation in flight is abandoned and redone identically next time).
/// Exit codes: 0 done, 1 a population failed or a start or promotion was refused, 2 an unknown strategy or candidate id.
/// </summary>
internal static class ResearchCommands
{
    private const string Operator = "operator (cli)";
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("research", "Genetic research of strategy parameters on a pinned window, and the promotion pipeline (candidate, validated, paper, live).")
        {
            Start(context), Stop(context), Status(context), History(context), Candidates(context), Promote(context),
        };
    }

    private static Command Start(CliContext context)
    {
        var strategy = Strategies("Evolve this strategy (repeatable; default: actortrader.research.strategies).");
        var generations = new Option<int?>("--generations") { Description = "Run this many more generations (default: up to actortrader.research.generations)." };
        var newRun = new Option<bool>("--new") { Description = "End the current runs and start new ones (a new pinned window; the bandit table carries over)." };
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object (and no progress lines): the final one, or on a node the one right after the start." };
        var command = new Command("start",
            "Evolve now: on the running research node, in the background; without one, in this process over the node's journal (Ctrl+C stops after abandoning the generation in flight).")
        {
            strategy, generations, newRun, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            using (var node = await ResearchNodeClient.ConnectAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false))
            {
                if (node is not null)
                {
                    var request = new ResearchStartRequest(parse.GetValue(strategy) is { Length: > 0 } asked ? asked : null, parse.GetValue(generations), parse.GetValue(newRun));
                    return await StartOnNode(context, node, request, asJson, cancellationToken).ConfigureAwait(false);
                }
            }
            var output = new Lock(); // progress lines come from an actor while this command writes too
            await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
            IActorRef? printer = null;
            if (!asJson)
            {
                printer = host.System.ActorOf(ProgressPrinter.CreateProps(p =>
                {
                    lock (output) Print(context, p);
                }), "research-progress");
                host.System.EventStream.Subscribe(printer, typeof(PopulationProgress));
            }
            var names = parse.GetValue(strategy) is { Length: > 0 } given ? given : null;
            var started = await host.AskAsync<ResearchStarted>(new StartResearch(names, parse.GetValue(generations), parse.GetValue(newRun)), cancellationToken, QueryTimeout)
                .ConfigureAwait(false);
            if (!asJson)
            {
                lock (output)
                {
                    foreach (var run in started.Runs) context.Out.WriteLine($"{run.Strategy}: {(run.New ? "new run" : "run")} {run.RunId}");
                    if (host.Settings.Generations == 0 && parse.GetValue(generations) is null)
                        context.Out.WriteLine("The runs have no generation limit: research goes on until Ctrl+C.");
                }
            }
            ResearchStatus status;
            try
            {
                status = await host.AskAsync<ResearchStatus>(WhenResearchIdle.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: pause (the generation in flight is abandoned; the journal holds every completed one), then report.
                await host.AskAsync<ResearchPaused>(new PauseResearch("stopped with Ctrl+C"), CancellationToken.None, QueryTimeout).ConfigureAwait(false);
                status = await host.AskAsync<ResearchStatus>(WhenResearchIdle.Instance, CancellationToken.None, QueryTimeout).ConfigureAwait(false);
            }
            // Every progress line before the summary, and none after it.
            if (printer is not null) await printer.Ask<Done>(ProgressPrinter.Flush.Instance, QueryTimeout, CancellationToken.None).ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
            await Write(context, asJson, ResearchText.StatusJson(status), ResearchText.Status(status)).ConfigureAwait(false);
            return status.Populations.Any(p => p.Phase == PopulationPhase.Failed) ? ExitCodes.Problems : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stop(CliContext context)
    {
        var strategy = Strategies("Stop this strategy (repeatable; default: every configured strategy and every strategy with a run).");
        var command = new Command("stop", "Stop research (journaled): a node's window does not start the strategies again until research start.") { strategy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var names = parse.GetValue(strategy) is { Length: > 0 } given ? given : null;
            var stopped = await OnNode(context, parse, (node, ct) =>
                node.Client.PostWithUsageErrorsAsync<ResearchStopResponse>(ManagementRoutes.ResearchStop, new ResearchStopRequest(names, Operator), ct), cancellationToken)
                .ConfigureAwait(false);
            if (stopped is not null)
            {
                await context.Out.WriteLineAsync(stopped.Message).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
            var report = await host.AskAsync<ResearchStopReport>(new StopResearch(names, Operator), cancellationToken, QueryTimeout).ConfigureAwait(false);
            await context.Out.WriteLineAsync(
                $"Research stopped for {string.Join(", ", report.Stopped)}; a node's research window will not start them until `actortrader research start`. " +
                "A `research start` running in another terminal stops with Ctrl+C.").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object: per population generation, best, mean, evaluations, evaluations/s." };
        var command = new Command("status", "Each population: run, phase, generation, best and mean fitness, evaluations, evaluations per second.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var status = await OnNode(context, parse, async (node, ct) =>
                    ResearchWire.Status(await node.Client.GetAsync<ResearchStatusResponse>(ManagementRoutes.ResearchStatus, ct).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            if (status is null)
            {
                await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
                status = await host.AskAsync<ResearchStatus>(GetResearchStatus.Instance, cancellationToken, QueryTimeout).ConfigureAwait(false);
            }
            await Write(context, parse.GetValue(json), ResearchText.StatusJson(status), ResearchText.Status(status)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command History(CliContext context)
    {
        var name = new Argument<string>("STRATEGY") { Description = "The strategy whose current run to show." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("history", "Best and mean fitness per generation of a strategy's run, and its stagnation events.") { name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var strategy = parse.GetValue(name)!;
            var history = await OnNode(context, parse, async (node, ct) => ResearchWire.History(
                    await node.Client.GetWithUsageErrorsAsync<ResearchHistoryResponse>(ManagementRoutes.ResearchHistoryOf(strategy), ct).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            if (history is null)
            {
                await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
                history = await host.AskAsync<PopulationHistory>(new GetResearchHistory(strategy), cancellationToken, QueryTimeout).ConfigureAwait(false);
            }
            await Write(context, parse.GetValue(json), ResearchText.HistoryJson(history), ResearchText.History(history)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Candidates(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("candidates", "Promotion candidates: stage, fitness, out-of-sample evidence, paper days.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var list = await OnNode(context, parse, async (node, ct) =>
                    ResearchWire.Candidates(await node.Client.GetAsync<ResearchCandidatesResponse>(ManagementRoutes.ResearchCandidates, ct).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            if (list is null)
            {
                await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
                list = await host.AskAsync<CandidateList>(GetCandidates.Instance, cancellationToken, QueryTimeout).ConfigureAwait(false);
            }
            await Write(context, parse.GetValue(json), ResearchText.CandidatesJson(list), ResearchText.Candidates(list)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Promote(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "A candidate id from research candidates." };
        var to = new Option<string>("--to") { Description = "paper (a validated candidate) or live (after the paper days).", Required = true };
        to.AcceptOnlyFromAmong("paper", "live");
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("promote", "Promote a candidate to paper, or to live after its days on paper; refused otherwise, with the reason.") { id, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var candidate = parse.GetValue(id)!;
            var target = parse.GetValue(to) == "live" ? CandidateStage.Live : CandidateStage.Paper;
            var result = await OnNode(context, parse, async (node, ct) => ResearchWire.Promotion(await node.Client.PostWithUsageErrorsAsync<ResearchPromotionResponse>(
                    ManagementRoutes.ResearchPromote, new ResearchPromoteRequest(candidate, parse.GetValue(to), Operator), ct).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            if (result is null)
            {
                await using var host = await ResearchHost.OpenAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
                result = await host.AskAsync<PromotionResult>(new PromoteCandidate(candidate, target, Operator), cancellationToken, QueryTimeout).ConfigureAwait(false);
            }
            if (parse.GetValue(json)) await context.Out.WriteLineAsync(ResearchText.PromotionJson(result)).ConfigureAwait(false);
            else await (result.Accepted ? context.Out : context.Error).WriteLineAsync(result.Message).ConfigureAwait(false);
            return result.Accepted ? ExitCodes.Ok : result.UnknownId ? ExitCodes.Usage : ExitCodes.Problems;
        });
        return command;
    }

    /// <summary>The answer of the research node when one runs; null when the command should run research in this process.</summary>
    private static async Task<T?> OnNode<T>(CliContext context, ParseResult parse, Func<ResearchNodeClient, CancellationToken, Task<T>> ask, CancellationToken cancellationToken)
        where T : class
    {
        using var node = await ResearchNodeClient.ConnectAsync(context, parse.GetValue(context.ConfigOption), cancellationToken).ConfigureAwait(false);
        return node is null ? null : await ask(node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>research start</c> on a node: the node starts (or resumes) the runs and evolves them in the background; this prints
    /// the runs (or, with --json, the status right after the start) and returns.
    /// </summary>
    private static async Task<int> StartOnNode(CliContext context, ResearchNodeClient node, ResearchStartRequest request, bool asJson, CancellationToken cancellationToken)
    {
        var started = await node.Client.PostWithUsageErrorsAsync<ResearchStartResponse>(ManagementRoutes.ResearchStart, request, cancellationToken).ConfigureAwait(false);
        if (!started.Accepted)
        {
            await context.Error.WriteLineAsync(started.Message).ConfigureAwait(false);
            return ExitCodes.Problems;
        }
        if (asJson)
        {
            var status = await node.Client.GetAsync<ResearchStatusResponse>(ManagementRoutes.ResearchStatus, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(ResearchText.StatusJson(ResearchWire.Status(status))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        foreach (var run in started.Runs) await context.Out.WriteLineAsync($"{run.Strategy}: {(run.New ? "new run" : "run")} {run.RunId}").ConfigureAwait(false);
        await context.Out.WriteLineAsync(
            $"Node {node.Node} ({node.Target.Url}) evolves them in the background; follow with `actortrader research status`, pause with `actortrader research stop`.")
            .ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static Option<string[]> Strategies(string description) => new("--strategy") { Description = description, AllowMultipleArgumentsPerToken = true };

    private static void Print(CliContext context, PopulationProgress progress)
    {
        var status = progress.Status;
        // One line per completed generation, and one for a failure.
        if (status.Phase == PopulationPhase.Failed) context.Error.WriteLine($"{status.Strategy}: {status.Error}");
        else if (status.Phase == PopulationPhase.Evolving && status.Generations > 0) context.Out.WriteLine(ResearchText.Progress(status));
    }

    private static async Task Write(CliContext context, bool json, string jsonText, IEnumerable<string> lines)
    {
        if (json)
        {
            await context.Out.WriteLineAsync(jsonText).ConfigureAwait(false);
            return;
        }
        foreach (var line in lines) await context.Out.WriteLineAsync(line).ConfigureAwait(false);
    }
}
