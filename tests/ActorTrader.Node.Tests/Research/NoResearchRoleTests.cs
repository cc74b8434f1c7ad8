using System.Net;
using System.Net.Http.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Tests.Management;

namespace ActorTrader.Node.Tests.Research;

/// <summary>A node without role research answers every research route with 404, its roles and the fix.</summary>
public sealed class NoResearchRoleTests() : ManagementServerTestBase("roles = [trader]")
{
    [Theory]
    [InlineData("GET", ManagementRoutes.ResearchStatus)]
    [InlineData("GET", ManagementRoutes.ResearchCandidates)]
    [InlineData("GET", "/api/research/history/mean_reversion")]
    [InlineData("POST", ManagementRoutes.ResearchStart)]
    [InlineData("POST", ManagementRoutes.ResearchStop)]
    [InlineData("POST", ManagementRoutes.ResearchPromote)]
    public async Task Every_research_route_is_404_naming_the_roles_and_the_fix(string method, string route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route.TrimStart('/'));
        if (method == "POST") request.Content = JsonContent.Create(new { }, options: ManagementJson.Options);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(ManagementJson.Options);
        Assert.Contains("does not run research: actortrader.node.roles = [trader]", error!.Error, StringComparison.Ordinal);
        Assert.Contains("Fix: add research to the node's roles", error.Error, StringComparison.Ordinal);
    }
}
