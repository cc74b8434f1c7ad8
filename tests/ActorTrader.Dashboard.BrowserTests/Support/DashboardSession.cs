using Microsoft.Playwright;

namespace ActorTrader.Dashboard.BrowserTests.Support;

/// <summary>Signing in through the login page, and the screenshot every test leaves as an artifact.</summary>
internal static class DashboardSession
{
    public static readonly float Timeout = (float)TimeSpan.FromSeconds(30 * ActorTrader.TestKit.TestKitSettings.TimeFactor).TotalMilliseconds;

    /// <summary>Where screenshots go: TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<IPage> SignInAsync(ReplayNodeFixture fixture, string? token = null)
    {
        var page = await fixture.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(fixture.Url.ToString());
        await page.FillAsync("#token", token ?? fixture.Token);
        await page.ClickAsync("#login-submit");
        return page;
    }

    /// <summary>Runs a test's steps on a page and saves its screenshot whether they pass or fail.</summary>
    public static async Task WithScreenshotAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        finally
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }
}
