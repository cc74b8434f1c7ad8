using System.Net;

namespace ActorTrader.Node.Dashboard;

/// <summary>The start of every dashboard page: doctype, charset, viewport, the title and the page's own style sheet.</summary>
internal static class PageHead
{
    /// <param name="title">The page title (encoded here).</param>
    /// <param name="meta">Extra head lines, already encoded (e.g. the CSRF meta tag).</param>
    public static string Render(string title, string meta = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{meta}}<title>{{WebUtility.HtmlEncode(title)}}</title>
        <link rel="stylesheet" href="{{DashboardRoutes.Assets}}/dashboard.css">
        </head>
        """;
}
