using ActorTrader.Hosting.Management;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorTrader.Node.Management;

/// <summary>The trading core's read endpoints: positions, orders and P&amp;L (503 while the node runs no trading core or it is not started yet).</summary>
internal static class TradingApi
{
    public static void Map(IEndpointRouteBuilder routes, NodeContext node)
    {
        routes.MapGet(ManagementRoutes.Positions, (CancellationToken ct) => Read(node, (t, c) => t.PositionsAsync(c), ct));
        routes.MapGet(ManagementRoutes.Orders, (bool? open, CancellationToken ct) => Read(node, (t, c) => t.OrdersAsync(open ?? false, c), ct));
        routes.MapGet(ManagementRoutes.Pnl, (CancellationToken ct) => Read(node, (t, c) => t.PnlAsync(c), ct));
    }

    private static async Task<IResult> Read<T>(NodeContext node, Func<NodeTrading, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (node.Trading is not { } trading) return NoTradingCore();
        try
        {
            return Results.Json(await read(trading, cancellationToken).ConfigureAwait(false), ManagementJson.Options);
        }
        catch (InvalidOperationException e)
        {
            return Results.Json(new ApiError(e.Message), ManagementJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static IResult NoTradingCore() => Results.Json(
        new ApiError("This node runs no trading core. Fix: start it with ./run.sh (a replay) or with --live-clock, on a node with role trader."),
        ManagementJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
}
