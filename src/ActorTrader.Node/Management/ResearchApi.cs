using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Research;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Promotion.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTrader.Node.Management;

/// <summary>
/// The research endpoints of a node with role research: status, start, stop, a strategy's history, the candidates and
/// promotion. A node without the role answers 404 with the fix; an unknown strategy or candidate is 404, a malformed
/// request 400, a refusal 409 with the normal body, a supervisor that does not answer 503.
/// </summary>
internal static class ResearchApi
{
    /// <summary>Longest operator name accepted; it is journaled with the stop or promotion.</summary>
    public const int MaxOperatorLength = 100;

    /// <summary>Who a stop is recorded as when the request names nobody.</summary>
    public const string DefaultOperator = "operator (api)";

    public static void Map(IEndpointRouteBuilder routes, NodeContext node)
    {
        routes.MapGet(ManagementRoutes.ResearchStatus, (CancellationToken ct) => WithResearch(node, async research =>
        {
            var status = await Expect<ResearchStatus>(research, GetResearchStatus.Instance, ct).ConfigureAwait(false);
            return Ok(ResearchViews.Status(status));
        }));
        routes.MapPost(ManagementRoutes.ResearchStart, (ResearchStartRequest? request, CancellationToken ct) => WithResearch(node, research => StartAsync(research, request, ct)));
        routes.MapPost(ManagementRoutes.ResearchStop, (ResearchStopRequest? request, CancellationToken ct) => WithResearch(node, research => StopAsync(research, request, ct)));
        routes.MapGet(ManagementRoutes.ResearchHistory, (string strategy, CancellationToken ct) => WithResearch(node, async research =>
            await research.AskAsync(new GetResearchHistory(strategy), ct).ConfigureAwait(false) switch
            {
                PopulationHistory history => Ok(ResearchViews.History(history)),
                ResearchRefused refused => Refused(refused),
                var other => Unexpected(other, nameof(PopulationHistory)),
            }));
        routes.MapGet(ManagementRoutes.ResearchCandidates, (CancellationToken ct) => WithResearch(node, async research =>
        {
            var list = await Expect<CandidateList>(research, GetCandidates.Instance, ct).ConfigureAwait(false);
            return Ok(ResearchViews.Candidates(list));
        }));
        routes.MapPost(ManagementRoutes.ResearchPromote, (ResearchPromoteRequest? request, CancellationToken ct) => WithResearch(node, research => PromoteAsync(research, request, ct)));
    }

    private static async Task<IResult> StartAsync(NodeResearch research, ResearchStartRequest? request, CancellationToken cancellationToken)
    {
        if (request?.Generations is < 0)
            return BadRequest($"generations = {request.Generations} is negative. Fix: give 1 or more, or leave it out to run up to the run's generation limit.");
        var strategies = Names(request?.Strategies);
        var answer = await research.AskAsync(new StartResearch(strategies, request?.Generations, request?.New ?? false), cancellationToken).ConfigureAwait(false);
        switch (answer)
        {
            case ResearchStarted started:
                var runs = started.Runs.Select(r => new ResearchRunView(r.Strategy, r.RunId, r.New)).ToList();
                var more = request?.Generations is { } g ? string.Create(CultureInfo.InvariantCulture, $", {g} more generation(s) each") : "";
                var message = $"Evolving {string.Join(", ", runs.Select(r => $"{r.Strategy} ({(r.New ? "new run" : "run")} {r.RunId})"))}{more}; follow it with `actortrader research status`.";
                return Ok(new ResearchStartResponse(true, message, runs));
            case ResearchRefused { UnknownStrategy: true } unknown:
                return Refused(unknown);
            case ResearchRefused refused:
                return Results.Json(new ResearchStartResponse(false, refused.Reason, []), ManagementJson.Options, statusCode: StatusCodes.Status409Conflict);
            default:
                return Unexpected(answer, nameof(ResearchStarted));
        }
    }

    private static async Task<IResult> StopAsync(NodeResearch research, ResearchStopRequest? request, CancellationToken cancellationToken)
    {
        var by = string.IsNullOrWhiteSpace(request?.Operator) ? DefaultOperator : request.Operator.Trim();
        if (by.Length > MaxOperatorLength) return TooLong(by);
        return await research.AskAsync(new StopResearch(Names(request?.Strategies), by), cancellationToken).ConfigureAwait(false) switch
        {
            ResearchStopReport report => Ok(new ResearchStopResponse(report.Stopped,
                $"Research stopped for {string.Join(", ", report.Stopped)} by {by}; the node's research window will not start them until `actortrader research start`.")),
            ResearchRefused refused => Refused(refused),
            var other => Unexpected(other, nameof(ResearchStopReport)),
        };
    }

    private static async Task<IResult> PromoteAsync(NodeResearch research, ResearchPromoteRequest? request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Id))
            return BadRequest("A promotion needs the candidate's id. Fix: send {\"id\": \"...\", \"to\": \"paper\" or \"live\", \"operator\": \"your name\"}; ids are listed by GET /api/research/candidates.");
        var target = request.To?.Trim().ToLowerInvariant() switch
        {
            "paper" => CandidateStage.Paper,
            "live" => CandidateStage.Live,
            _ => (CandidateStage?)null,
        };
        if (target is null) return BadRequest($"to = \"{request.To}\" is not a promotion target. Fix: send \"to\": \"paper\" (a validated candidate) or \"live\" (after its days on paper).");
        if (string.IsNullOrWhiteSpace(request.Operator))
            return BadRequest("A promotion needs the operator who approves it; it is journaled with the evidence. Fix: send \"operator\": \"your name\".");
        var by = request.Operator.Trim();
        if (by.Length > MaxOperatorLength) return TooLong(by);
        return await research.AskAsync(new PromoteCandidate(request.Id.Trim(), target.Value, by), cancellationToken).ConfigureAwait(false) switch
        {
            PromotionResult { UnknownId: true } unknown => NotFound(unknown.Message),
            PromotionResult result => Results.Json(new ResearchPromotionResponse(result.Accepted, result.Message, result.Candidate is { } c ? ResearchViews.Candidate(c) : null),
                ManagementJson.Options, statusCode: result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict),
            var other => Unexpected(other, nameof(PromotionResult)),
        };
    }

    /// <summary>Runs <paramref name="handle"/> when the node hosts research; 404 with the fix when it does not, 503 when the supervisor does not answer.</summary>
    private static async Task<IResult> WithResearch(NodeContext node, Func<NodeResearch, Task<IResult>> handle)
    {
        if (node.Research is not { } research) return NoResearch(node);
        try
        {
            return await handle(research).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return Results.Json(new ApiError(string.Create(CultureInfo.InvariantCulture,
                    $"The research supervisor (/user/research) did not answer within {research.AskTimeout.TotalSeconds:0.#} s (actortrader.actors.ask-timeout): its populations may still be recovering their journals, or the journal is unavailable. Fix: retry; if it persists, check `actortrader errors`.")),
                ManagementJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<T> Expect<T>(NodeResearch research, object message, CancellationToken cancellationToken) =>
        await research.AskAsync(message, cancellationToken).ConfigureAwait(false) is T typed
            ? typed
            : throw new InvalidOperationException($"The research supervisor did not answer {message.GetType().Name} with {typeof(T).Name}.");

    public static IResult NoResearch(NodeContext node) => NotFound(node.Settings.Node.Roles.Contains(NodeResearchSettings.Role)
        ? "This node runs a replay, which runs no research (the replay has a journal of its own). Fix: start the node without --replay to run research; " +
          "without a research node, `actortrader research` runs research in its own process."
        : $"This node does not run research: actortrader.node.roles = [{string.Join(", ", node.Settings.Node.Roles)}]. " +
          "Fix: add research to the node's roles (e.g. include hocon/research.conf) and restart it; without a research node, `actortrader research` runs research in its own process.");

    private static List<string>? Names(IReadOnlyList<string>? names)
    {
        var given = names?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        return given is { Count: > 0 } ? given : null;
    }

    private static IResult Ok<T>(T body) => Results.Json(body, ManagementJson.Options);

    private static IResult Refused(ResearchRefused refused) => refused.UnknownStrategy
        ? NotFound(refused.Reason)
        : Results.Json(new ApiError(refused.Reason), ManagementJson.Options, statusCode: StatusCodes.Status409Conflict);

    private static IResult NotFound(string message) => Results.Json(new ApiError(message), ManagementJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string message) => Results.Json(new ApiError(message), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult TooLong(string by) => BadRequest(string.Create(CultureInfo.InvariantCulture,
        $"The operator name has {by.Length} characters; at most {MaxOperatorLength} are kept. Fix: say it shorter."));

    private static IResult Unexpected(object answer, string expected) =>
        throw new InvalidOperationException($"The research supervisor answered {answer.GetType().Name}; expected {expected}.");
}
