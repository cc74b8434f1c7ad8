using Microsoft.AspNetCore.Http;

namespace ActorTrader.Node.Dashboard;

/// <summary>The dashboard's routes, its cookie and its CSRF header.</summary>
internal static class DashboardRoutes
{
    public const string Page = "/";
    public const string Login = "/login";
    public const string Logout = "/logout";
    public const string Events = "/dashboard/events";
    public const string Snapshot = "/dashboard/snapshot";
    public const string EquityChart = "/dashboard/charts/equity.svg";
    public const string Assets = "/dashboard/assets";
    public const string Favicon = "/favicon.ico";

    /// <summary>The session cookie: a random id (never the token), HttpOnly, SameSite=Strict.</summary>
    public const string SessionCookie = "actortrader_session";

    /// <summary>Header a signed-in page sends with every POST; its value is in the page's csrf-token meta tag.</summary>
    public const string CsrfHeader = "X-ActorTrader-Csrf";

    /// <summary>Open without a session: the login page and the static assets (the page's own script and style).</summary>
    public static bool IsPublic(PathString path) =>
        path.Equals(new PathString(Login)) || path.Equals(new PathString(Favicon)) || path.StartsWithSegments(new PathString(Assets));

    /// <summary>Pages a browser opens: without a session it is sent to the login page instead of a 401.</summary>
    public static bool IsPage(PathString path) =>
        path.Equals(new PathString(Page)) || path.Equals(new PathString(Logout)) || path.StartsWithSegments(new PathString("/dashboard"));
}
