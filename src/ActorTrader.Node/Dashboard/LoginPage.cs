using System.Net;

namespace ActorTrader.Node.Dashboard;

/// <summary>The sign-in page: one password field for the management token (from the node's token file).</summary>
internal static class LoginPage
{
    public static string Render(string nodeName, string tokenFile, string? error)
    {
        var message = error is null ? "" : $"<p id=\"login-error\" class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        return PageHead.Render($"Sign in · ActorTrader {nodeName}") + $$"""

            <body class="login">
            <main>
            <h1>ActorTrader · {{WebUtility.HtmlEncode(nodeName)}}</h1>
            <form id="login-form" method="post" action="{{DashboardRoutes.Login}}">
            <label for="token">Management token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
            <button id="login-submit" type="submit">Sign in</button>
            </form>
            {{message}}
            <p class="hint">The token is in <code>{{WebUtility.HtmlEncode(tokenFile)}}</code> on the node's machine (<code>cat</code> it there).</p>
            </main>
            </body>
            </html>
            """;
    }
}
