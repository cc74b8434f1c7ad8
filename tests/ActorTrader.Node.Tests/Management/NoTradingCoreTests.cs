using System.Net;
using System.Net.Http.Json;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Node.Tests.Management;

/// <summary>A node without a trading core answers the trading routes with 503 and the fix, and its status has no trading part.</summary>
public sealed class NoTradingCoreTests() : ManagementServerTestBase
{
    [Theory]
    [InlineData(ManagementRoutes.Positions)]
    [InlineData(ManagementRoutes.Orders)]
    [InlineData(ManagementRoutes.Pnl)]
    public async Task A_trading_route_without_a_trading_core_gets_503_with_the_fix(string route)
    {
        using var response = await Http.GetAsync(route.TrimStart('/'));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(ManagementJson.Options);
        Assert.Contains("./run.sh", error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_of_a_node_without_a_trading_core_has_no_trading_part()
    {
        var status = await Http.GetFromJsonAsync<NodeStatus>(ManagementRoutes.Status.TrimStart('/'), ManagementJson.Options);

        Assert.Null(status!.Trading);
    }
}
