using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorTrader.Node.Dashboard;
using ActorTrader.Node.Tests.Management;

namespace ActorTrader.Node.Tests.Dashboard;

/// <summary>The dashboard's sign-in, session cookie and CSRF check on a real management server (no trading core).</summary>
public sealed partial class DashboardLoginTests : ManagementServerTestBase
{
    private readonly CookieContainer _cookies = new();

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string token) =>
        await browser.PostAsync("/login", new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]));

    [Fact]
    public async Task The_page_without_a_session_sends_the_browser_to_the_login_page()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        var login = await browser.GetStringAsync("/login");
        Assert.Contains("id=\"login-form\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_the_login_page_and_no_cookie()
    {
        using var browser = Browser();

        using var response = await LogInAsync(browser, "wrong-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("id=\"login-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_cookies.GetAllCookies());
        using var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_right_token_gives_an_http_only_strict_session_cookie_that_is_not_the_token()
    {
        using var browser = Browser();

        using var response = await LogInAsync(browser, Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, header, StringComparison.Ordinal);
        var page = await browser.GetStringAsync("/");
        Assert.Contains("id=\"positions-table\"", page, StringComparison.Ordinal);
        Assert.Contains("\"node\":{\"name\":\"api\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_browser_reads_the_api_but_changes_nothing_without_the_csrf_header()
    {
        using var browser = Browser();
        using (await LogInAsync(browser, Token)) { }
        var csrf = CsrfMeta().Match(await browser.GetStringAsync("/")).Groups[1].Value;
        Assert.NotEmpty(csrf);

        using var status = await browser.GetAsync("/api/status");
        using var forged = await browser.PostAsync("/api/halt", Json("""{"reason":"forged"}"""));
        using var halt = new HttpRequestMessage(HttpMethod.Post, "/api/halt") { Content = Json("""{"reason":"from the dashboard"}""") };
        halt.Headers.Add(DashboardRoutes.CsrfHeader, csrf);
        using var halted = await browser.SendAsync(halt);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, halted.StatusCode);
        using var state = JsonDocument.Parse(await browser.GetStringAsync("/api/status"));
        Assert.True(state.RootElement.GetProperty("halted").GetBoolean());
        Assert.Equal("from the dashboard", state.RootElement.GetProperty("haltReason").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = Browser();
        using (await LogInAsync(browser, Token)) { }

        using (await browser.GetAsync("/logout")) { }
        using var api = await browser.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Ten_wrong_tokens_block_the_address_even_for_the_right_token()
    {
        using var browser = Browser();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++) using (await LogInAsync(browser, "wrong-" + i)) { }

        using var response = await LogInAsync(browser, Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task The_event_stream_sends_a_snapshot_event_with_the_node()
    {
        using var browser = Browser();
        using (await LogInAsync(browser, Token)) { }

        using var response = await browser.GetAsync("/dashboard/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("data: ", StringComparison.Ordinal)) { }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(line);
        using var snapshot = JsonDocument.Parse(line["data: ".Length..]);
        Assert.Equal("api", snapshot.RootElement.GetProperty("node").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.RootElement.GetProperty("trading").ValueKind);
    }

    [Fact]
    public async Task The_equity_chart_is_svg_and_an_unknown_range_is_a_clear_400()
    {
        using var chart = await Http.GetAsync("/dashboard/charts/equity.svg?range=1y");
        using var bad = await Http.GetAsync("/dashboard/charts/equity.svg?range=2w");

        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("30d, 90d, 1y", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_script_and_style_are_served_without_a_session()
    {
        using var browser = Browser();

        using var script = await browser.GetAsync("/dashboard/assets/dashboard.js");
        using var missing = await browser.GetAsync("/dashboard/assets/other.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([0-9a-f]+)\">")]
    private static partial Regex CsrfMeta();
}
