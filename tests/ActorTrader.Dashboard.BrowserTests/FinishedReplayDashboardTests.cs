using System.Globalization;
using System.Text.Json;
using ActorTrader.Dashboard.BrowserTests.Support;

namespace ActorTrader.Dashboard.BrowserTests;

/// <summary>The dashboard in headless Chromium on a finished replay: positions as the CLI shows them, the halt button, the chart ranges.</summary>
public sealed class FinishedReplayDashboardTests(FinishedReplayFixture fixture) : IClassFixture<FinishedReplayFixture>
{
    [Fact]
    public async Task The_positions_match_actortrader_positions_json()
    {
        var cli = await fixture.CliAsync("positions", "--json");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var json = JsonDocument.Parse(cli.Out);
        var expected = json.RootElement.GetProperty("positions").EnumerateArray()
            .Select(p => (Symbol: p.GetProperty("symbol").GetString()!, Quantity: p.GetProperty("quantity").GetDecimal(), Value: p.GetProperty("marketValue").GetDecimal()))
            .ToList();
        Assert.NotEmpty(expected);

        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "positions-match-cli", async () =>
        {
            await page.WaitForSelectorAsync("#connection.live");
            var rows = page.Locator("#positions-table tbody tr");
            await page.WaitForFunctionAsync("n => document.querySelectorAll('#positions-table tbody tr').length === n", expected.Count);
            var shown = new List<(string Symbol, decimal Quantity, decimal Value)>();
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                var row = rows.Nth(i);
                shown.Add(((await row.GetAttributeAsync("data-symbol"))!,
                    decimal.Parse((await row.Locator("td.qty").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture),
                    decimal.Parse((await row.Locator("td.market-value").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture)));
            }
            Assert.Equal(expected, shown);
        });
    }

    [Fact]
    public async Task The_halt_button_halts_after_the_confirm_step_and_status_confirms_then_resume_lifts_it()
    {
        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "halt-button-halts", async () =>
        {
            await page.WaitForSelectorAsync("#connection.live");
            await page.ClickAsync("#halt-button");
            await page.WaitForSelectorAsync("#confirm-dialog[open]");
            await page.FillAsync("#confirm-reason", "browser test halt");
            await page.ClickAsync("#confirm-ok");
            await page.WaitForSelectorAsync("#action-result[data-accepted='true']");

            var status = await fixture.CliAsync("status", "--json");
            Assert.True(status.ExitCode == 0, status.ToString());
            using (var json = JsonDocument.Parse(status.Out))
            {
                Assert.True(json.RootElement.GetProperty("halted").GetBoolean());
                Assert.Equal("browser test halt", json.RootElement.GetProperty("haltReason").GetString());
            }
            await page.WaitForSelectorAsync("#trading-state[data-state='HALTED']");

            await page.ClickAsync("#resume-button");
            await page.WaitForSelectorAsync("#confirm-dialog[open]");
            await page.ClickAsync("#confirm-ok");
            await page.WaitForFunctionAsync("() => document.querySelector('#trading-state').dataset.state !== 'HALTED'");
            var resumed = await fixture.CliAsync("status", "--json");
            using var after = JsonDocument.Parse(resumed.Out);
            Assert.False(after.RootElement.GetProperty("halted").GetBoolean());
        });
    }

    [Fact]
    public async Task Cancelling_the_confirm_step_sends_nothing()
    {
        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "cancel-sends-nothing", async () =>
        {
            await page.WaitForSelectorAsync("#connection.live");
            await page.ClickAsync("#rebalance-button");
            await page.ClickAsync("#confirm-cancel");

            Assert.Null(await page.GetAttributeAsync("#action-result", "data-accepted"));
            Assert.Equal(string.Empty, await page.TextContentAsync("#action-result"));
        });
    }

    [Fact]
    public async Task The_range_buttons_switch_the_equity_chart()
    {
        var page = await DashboardSession.SignInAsync(fixture);
        await DashboardSession.WithScreenshotAsync(page, "equity-chart-ranges", async () =>
        {
            await page.WaitForSelectorAsync("#equity-chart svg");
            Assert.Equal("true", await page.GetAttributeAsync("#range-90d", "aria-pressed"));
            Assert.Contains("90 days", await page.TextContentAsync("#equity-chart svg title"), StringComparison.Ordinal);

            await page.ClickAsync("#range-1y");

            await page.WaitForFunctionAsync("() => document.querySelector('#equity-chart svg title').textContent.includes('1 year')");
            Assert.Equal("true", await page.GetAttributeAsync("#range-1y", "aria-pressed"));
            Assert.Equal("false", await page.GetAttributeAsync("#range-90d", "aria-pressed"));
        });
    }
}
