using ActorTrader.Actors;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTrader.Node.Management;

/// <summary>The management API's endpoints: health without a token, everything under /api with one.</summary>
internal static class ManagementApi
{
    /// <summary>Longest halt reason accepted; it goes into the halt file, the logs and every status.</summary>
    public const int MaxReasonLength = 500;

    public static void Map(IEndpointRouteBuilder routes, NodeContext node)
    {
        routes.MapGet(ManagementRoutes.Health, () => Results.Json(new HealthResponse("ok", node.Settings.Node.Name), ManagementJson.Options));

        // Everything but /health passes BearerTokenMiddleware first.
        var api = routes.MapGroup(string.Empty);
        api.MapGet(ManagementRoutes.Status, async (CancellationToken ct) =>
        {
            var state = await node.Control.Ask<HaltState>(GetHaltState.Instance, node.Settings.Actors.AskTimeout, ct).ConfigureAwait(false);
            var status = node.Status(state);
            if (node.Trading is { } trading) status = status with { Trading = await trading.StatusAsync(ct).ConfigureAwait(false) };
            return Results.Json(status, ManagementJson.Options);
        });
        api.MapPost(ManagementRoutes.Halt, async (HttpContext http, HaltRequest? request) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Reason))
                return Results.Json(new ApiError("A halt needs a reason: send {\"reason\": \"...\"}."), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);
            if (request.Reason.Trim().Length > MaxReasonLength)
                return Results.Json(new ApiError($"The halt reason has {request.Reason.Trim().Length} characters; at most {MaxReasonLength} are kept. Fix: say it shorter."), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);
            if (node.Cluster is { } cluster)
                return await ClusterControl.HaltAsync(node, cluster, request.Reason.Trim(), request.Flatten).ConfigureAwait(false);
            return await Control(node, new Halt(request.Reason.Trim(), HaltState.ByOperator, CorrelationIdMiddleware.Get(http), request.Flatten)).ConfigureAwait(false);
        });
        // HttpRequest, not HttpContext: a lone HttpContext parameter makes the handler a RequestDelegate, whose result is discarded.
        api.MapPost(ManagementRoutes.Resume, async (HttpRequest request) => node.Cluster is { } cluster
            ? await ClusterControl.ResumeAsync(node, cluster).ConfigureAwait(false)
            : await ResumeAsync(node, CorrelationIdMiddleware.Get(request.HttpContext)).ConfigureAwait(false));
        api.MapPost(ManagementRoutes.Rebalance, async (HttpContext http, RebalanceRequest? request) =>
        {
            var sleeve = string.IsNullOrWhiteSpace(request?.Sleeve) ? null : request.Sleeve.Trim();
            if (node.Cluster is { } cluster) return await ClusterControl.RebalanceAsync(node, cluster, sleeve, request?.Cluster == true).ConfigureAwait(false);
            if (request?.Cluster == true)
                return Results.Json(new ApiError("rebalance --cluster redistributes sleeves over a cluster's trader nodes; this node is not in a cluster (actortrader.cluster.enabled = off)."), ManagementJson.Options, statusCode: StatusCodes.Status409Conflict);
            return await RebalanceAsync(node, sleeve, CorrelationIdMiddleware.Get(http)).ConfigureAwait(false);
        });
        api.MapGet(ManagementRoutes.Errors, (int? limit) =>
        {
            var file = node.Settings.Logging.ErrorsFile;
            return Results.Json(new ErrorsResponse(file, ErrorLog.Read(file, Math.Clamp(limit ?? 50, 1, 1000))), ManagementJson.Options);
        });
        api.MapGet(ManagementRoutes.Alerts, (int? limit) => Results.Json(new AlertsResponse(node.Alerts is { } alerts
            ? [.. alerts.Recent(Math.Clamp(limit ?? 50, 1, 1000)).Select(e => new AlertView(e.Alert.Kind, e.Alert.Severity.ToString().ToLowerInvariant(), e.Alert.Key, e.Alert.Message, e.Alert.At, e.Repeats, e.LastAt))]
            : []), ManagementJson.Options));
        api.MapGet(ManagementRoutes.Metrics, () => node.MetricsSummary is { } summary
            ? Results.Json(summary.Read(node.Time.GetUtcNow()), ManagementJson.Options)
            : Results.Json(new ApiError("This node collects no metrics."), ManagementJson.Options, statusCode: StatusCodes.Status404NotFound));
        TradingApi.Map(api, node);
        BackupApi.Map(api, node);
        ClusterApi.Map(api, node);
        ResearchApi.Map(api, node);
    }

    private static async Task<IResult> Control(NodeContext node, object command)
    {
        var result = await node.Control.Ask<ControlResult>(command, node.Settings.Actors.AskTimeout).ConfigureAwait(false);
        return Answer(result.Accepted, result.Message, result.State);
    }

    /// <summary>Lifts the operator's halt; trading restarts only if reconciliation and risk allow it, which the answer says.</summary>
    private static async Task<IResult> ResumeAsync(NodeContext node, string? correlationId)
    {
        var result = await node.Control.Ask<ControlResult>(new Resume(correlationId), node.Settings.Actors.AskTimeout).ConfigureAwait(false);
        if (!result.Accepted || node.Trading is not { } trading) return Answer(result.Accepted, result.Message, result.State);
        var status = await trading.StatusAsync(CancellationToken.None).ConfigureAwait(false);
        var trades = status.TradingAllowed
            ? status.ReducingOnly ? "trading permitted, reducing only" : "trading permitted"
            : "trading still not permitted";
        return Answer(true, $"{result.Message} Trading gate: {trades} ({status.Permission}).", result.State);
    }

    /// <summary>Refused while halted (the control actor decides); otherwise the trading day rebalances now when there is one.</summary>
    private static async Task<IResult> RebalanceAsync(NodeContext node, string? sleeve, string? correlationId)
    {
        var result = await node.Control.Ask<ControlResult>(new Rebalance(sleeve, correlationId), node.Settings.Actors.AskTimeout).ConfigureAwait(false);
        if (!result.Accepted || node.Trading is not { } trading) return Answer(result.Accepted, result.Message, result.State);
        var (accepted, message) = await trading.RebalanceAsync(sleeve, RebalanceTimeout, CancellationToken.None).ConfigureAwait(false);
        return Answer(accepted, message, result.State);
    }

    /// <summary>Under the CLI's request timeout (15 s): a longer rebalance is reported as still running.</summary>
    private static readonly TimeSpan RebalanceTimeout = TimeSpan.FromSeconds(12);

    internal static IResult Answer(bool accepted, string message, HaltState state)
    {
        var body = new ControlResponse(accepted, message, state.Halted, state.Reason, state.Since);
        // A refusal (or a halt in effect but not saved) is a conflict with the node's state, not a client error in the request.
        return Results.Json(body, ManagementJson.Options, statusCode: accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }
}
