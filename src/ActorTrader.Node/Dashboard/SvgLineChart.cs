using System.Globalization;
using System.Net;
using System.Text;

namespace ActorTrader.Node.Dashboard;

/// <summary>One line of a chart: its name (the legend), CSS colour and points (x ascending).</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);

/// <summary>
/// Renders line charts as inline SVG on the server, so the dashboard needs no chart library and no internet: a frame,
/// the y range's top and bottom labels, the first and last x labels, a zero line when the range spans zero, and a
/// legend. Non-finite points are left out. The output depends only on the input (invariant culture).
/// </summary>
internal static class SvgLineChart
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 20;
    private const int Bottom = 24;

    /// <param name="title">Accessible title (and tooltip) of the chart.</param>
    /// <param name="series">The lines.</param>
    /// <param name="xLabel">Text of an x value (e.g. a date for day numbers).</param>
    /// <param name="yFormat">Format of the y labels.</param>
    /// <param name="empty">Shown instead of a chart when no series has a point.</param>
    public static string Render(string title, IReadOnlyList<ChartSeries> series, Func<double, string> xLabel, string yFormat, string empty)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(xLabel);
        var lines = series.Select(s => s with { Points = [.. s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))] }).ToList();
        var all = lines.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder(256 + all.Count * 16);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"chart\" role=\"img\" aria-label=\"{Escape(title)}\">");
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        if (all.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"chart-empty\">{Escape(empty)}</text></svg>");
            return svg.ToString();
        }

        var (xMin, xMax) = (all.Min(p => p.X), all.Max(p => p.X));
        var (yMin, yMax) = (all.Min(p => p.Y), all.Max(p => p.Y));
        if (xMax <= xMin) (xMin, xMax) = (xMin - 1, xMax + 1);
        if (yMax <= yMin)
        {
            var pad = Math.Abs(yMin) * 0.01 + 1e-9;
            (yMin, yMax) = (yMin - pad, yMax + pad);
        }
        double Sx(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Sy(double y) => Top + (yMax - y) / (yMax - yMin) * (Height - Top - Bottom);

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" class=\"chart-frame\"/>");
        if (yMin < 0 && yMax > 0)
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Sy(0))}\" y2=\"{N(Sy(0))}\" class=\"chart-zero\"/>");
        Label(svg, Left - 4, Top + 4, "end", yMax.ToString(yFormat, CultureInfo.InvariantCulture));
        Label(svg, Left - 4, Height - Bottom, "end", yMin.ToString(yFormat, CultureInfo.InvariantCulture));
        Label(svg, Left, Height - 6, "start", xLabel(xMin));
        Label(svg, Width - Right, Height - 6, "end", xLabel(xMax));

        var legendX = Left + 4;
        foreach (var line in lines)
        {
            if (line.Points.Count == 0) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Escape(line.Colour)}\" stroke-width=\"1.5\" points=\"");
            foreach (var (x, y) in line.Points) svg.Append(N(Sx(x))).Append(',').Append(N(Sy(y))).Append(' ');
            svg.Append("\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX}\" y=\"{Top - 6}\" fill=\"{Escape(line.Colour)}\" class=\"chart-legend\">{Escape(line.Name)}</text>");
            legendX += 12 + line.Name.Length * 7;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Label(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" class=\"chart-label\">{Escape(text)}</text>");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
