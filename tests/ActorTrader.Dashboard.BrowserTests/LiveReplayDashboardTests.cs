using System.Net;
using ActorTrader.Dashboard.BrowserTests.Support;
using Microsoft.Playwright;

namespace ActorTrader.Dashboard.BrowserTests;

/// <summary>The dashboard in headless Chromium while a replay runs a day a second: sign-in, refusal of a wrong token, live P&amp;L.</summary>
public sealed class LiveReplayDashboardTests(RunningReplayFixture fixture) : IClassFixture<RunningReplayFixture>
{
    [Fact]
    public async Task The_page_loads_with_the_token_and_goes_live()
    {
        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "page-loads-with-token", async () =>
        {
            await page.WaitForSelectorAsync("#connection.live");
            Assert.Equal(fixture.Url.ToString(), page.Url);
            Assert.Equal("e2e", await page.TextContentAsync("#node-name"));
            Assert.Contains(await page.GetAttributeAsync("#trading-state", "data-state"), new[] { "ACTIVE", "REDUCING", "HALTED" });
        });
    }

    [Fact]
    public async Task A_wrong_token_is_refused()
    {
        var page = await DashboardSession.SignInAsync(fixture, "not-the-token");
        await DashboardSession.WithScreenshotAsync(page, "wrong-token-refused", async () =>
        {
            Assert.Contains("Wrong token", await page.TextContentAsync("#login-error"), StringComparison.Ordinal);
            Assert.Empty(await page.Context.CookiesAsync());
            await page.GotoAsync(fixture.Url.ToString());
            Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
        });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Url, "/api/status"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-the-token");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_pnl_updates_while_the_replay_runs()
    {
        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "pnl-updates-during-replay", async () =>
        {
            await page.WaitForSelectorAsync("#connection.live");
            await page.WaitForFunctionAsync("() => document.querySelector('#nav').dataset.value !== ''");
            var navs = new List<string>();
            var progress = new List<string>();
            for (var change = 0; change < 2; change++)
            {
                var nav = (await page.GetAttributeAsync("#nav", "data-value"))!;
                navs.Add(nav);
                progress.Add((await page.TextContentAsync("#replay-progress"))!);
                // The next snapshot with another NAV: the replay moved on and the page followed without a reload.
                await page.WaitForFunctionAsync("nav => document.querySelector('#nav').dataset.value !== nav", nav);
            }
            navs.Add((await page.GetAttributeAsync("#nav", "data-value"))!);
            progress.Add((await page.TextContentAsync("#replay-progress"))!);

            Assert.Equal(3, navs.Distinct().Count());
            Assert.True(progress.Distinct().Count() >= 2, string.Join(" | ", progress));
            Assert.DoesNotContain("finished", progress[0], StringComparison.Ordinal);
        });
    }
}
