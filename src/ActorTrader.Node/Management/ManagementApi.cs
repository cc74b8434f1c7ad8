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
        api.MapGet(ManagementRoutes.Status, async () =>
        {
            var state = await node.Control.Ask<HaltState>(GetHaltState.Instance, node.Settings.Actors.AskTimeout).ConfigureAwait(false);
            return Results.Json(node.Status(state), ManagementJson.Options);
        });
        api.MapPost(ManagementRoutes.Halt, async (HttpContext http, HaltRequest? request) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Reason))
                return Results.Json(new ApiError("A halt needs a reason: send {\"reason\": \"...\"}."), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);
            if (request.Reason.Trim().Length > MaxReasonLength)
                return Results.Json(new ApiError($"The halt reason has {request.Reason.Trim().Length} characters; at most {MaxReasonLength} are kept. Fix: say it shorter."), ManagementJson.Options, statusCode: StatusCodes.Status400BadRequest);
            return await Control(node, new Halt(request.Reason.Trim(), HaltState.ByOperator, CorrelationIdMiddleware.Get(http))).ConfigureAwait(false);
        });
        // HttpRequest, not HttpContext: a lone HttpContext parameter makes the handler a RequestDelegate, whose result is discarded.
        api.MapPost(ManagementRoutes.Resume, async (HttpRequest request) => await Control(node, new Resume(CorrelationIdMiddleware.Get(request.HttpContext))).ConfigureAwait(false));
        api.MapPost(ManagementRoutes.Rebalance, async (HttpContext http, RebalanceRequest? request) =>
            await Control(node, new Rebalance(string.IsNullOrWhiteSpace(request?.Sleeve) ? null : request.Sleeve.Trim(), CorrelationIdMiddleware.Get(http))).ConfigureAwait(false));
        api.MapGet(ManagementRoutes.Errors, (int? limit) =>
        {
            var file = node.Settings.Logging.ErrorsFile;
            return Results.Json(new ErrorsResponse(file, ErrorLog.Read(file, Math.Clamp(limit ?? 50, 1, 1000))), ManagementJson.Options);
        });
    }

    private static async Task<IResult> Control(NodeContext node, object command)
    {
        var result = await node.Control.Ask<ControlResult>(command, node.Settings.Actors.AskTimeout).ConfigureAwait(false);
        var body = new ControlResponse(result.Accepted, result.Message, result.State.Halted, result.State.Reason, result.State.Since);
        // A refusal (or a halt in effect but not saved) is a conflict with the node's state, not a client error in the request.
        return Results.Json(body, ManagementJson.Options, statusCode: result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }
}
