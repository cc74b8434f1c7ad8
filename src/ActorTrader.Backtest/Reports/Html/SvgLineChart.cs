using System.Globalization;
using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Draws a time-series line chart as inline SVG (no scripts, no external resources): value gridlines with labels, date
/// labels, an optional zero line, a legend when there is more than one line, and lines broken at NaN. Long series are
/// thinned to the first, lowest, highest and last point of each pixel column, which keeps the visible envelope.
/// </summary>
internal static class SvgLineChart
{
    private const double Width = 960, Height = 280, Left = 64, Right = 16, Top = 12, Bottom = 28, LegendRow = 20;
    private const int DateTicks = 6;

    public static void Render(StringBuilder sb, ChartSpec spec)
    {
        var label = HtmlText.Escape(spec.Label);
        sb.Append("<svg class=\"chart\" id=\"").Append(HtmlText.Escape(spec.Id)).Append("\" viewBox=\"0 0 960 280\" width=\"960\" height=\"280\" role=\"img\" aria-label=\"")
          .Append(label).Append("\">\n<title>").Append(label).Append("</title>\n");
        if (!TryDomain(spec, out var x0, out var x1, out var y0, out var y1))
        {
            sb.Append("<text class=\"empty\" x=\"480\" y=\"140\" text-anchor=\"middle\">").Append(HtmlText.Escape(spec.EmptyMessage)).Append("</text>\n</svg>\n");
            return;
        }
        var top = Top + (spec.Lines.Count > 1 ? LegendRow : 0);
        var ticks = AxisTicks.Cover(y0, y1);
        var plot = new Plot(Left, Width - Right, top, Height - Bottom, x0, x1, ticks.Low, ticks.High);
        ValueAxis(sb, spec.Format, ticks, plot);
        DateAxis(sb, plot);
        if (spec.ZeroLine && ticks.Low < 0 && ticks.High > 0)
            sb.Append("<line class=\"zero\" x1=\"").Append(C(plot.Left)).Append("\" x2=\"").Append(C(plot.Right))
              .Append("\" y1=\"").Append(C(plot.Y(0))).Append("\" y2=\"").Append(C(plot.Y(0))).Append("\" />\n");
        foreach (var line in spec.Lines) Line(sb, line, plot);
        if (spec.Lines.Count > 1) Legend(sb, spec.Lines);
        sb.Append("</svg>\n");
    }

    private static bool TryDomain(ChartSpec spec, out long x0, out long x1, out double y0, out double y1)
    {
        (x0, x1, y0, y1) = (long.MaxValue, long.MinValue, double.PositiveInfinity, double.NegativeInfinity);
        foreach (var line in spec.Lines)
        {
            for (var t = 0; t < line.Values.Count; t++)
            {
                var v = line.Values[t];
                if (!double.IsFinite(v)) continue;
                var ticks = line.Dates[t].UtcTicks;
                (x0, x1) = (Math.Min(x0, ticks), Math.Max(x1, ticks));
                (y0, y1) = (Math.Min(y0, v), Math.Max(y1, v));
            }
        }
        if (x0 > x1) return false;
        if (spec.Span is var (from, to)) (x0, x1) = (Math.Min(x0, from.UtcTicks), Math.Max(x1, to.UtcTicks));
        if (spec.ZeroLine || spec.Lines.Any(l => l.FillToZero)) (y0, y1) = (Math.Min(y0, 0), Math.Max(y1, 0));
        if (x0 == x1) (x0, x1) = (x0 - TimeSpan.TicksPerDay, x1 + TimeSpan.TicksPerDay);
        return true;
    }

    private static void ValueAxis(StringBuilder sb, AxisFormat format, AxisTicks ticks, Plot plot)
    {
        var scale = format == AxisFormat.Percent ? 100 : 1;
        var decimals = ticks.Decimals(scale);
        sb.Append("<g class=\"grid\">\n");
        foreach (var v in ticks.Values)
        {
            var y = C(plot.Y(v));
            var text = ReportFormat.Fixed(v * scale, decimals) + (format == AxisFormat.Percent ? "%" : "");
            sb.Append("<line x1=\"").Append(C(plot.Left)).Append("\" x2=\"").Append(C(plot.Right)).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y).Append("\" />")
              .Append("<text x=\"").Append(C(plot.Left - 6)).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
              .Append(text).Append("</text>\n");
        }
        sb.Append("</g>\n");
    }

    private static void DateAxis(StringBuilder sb, Plot plot)
    {
        var span = plot.X1 - plot.X0;
        var withTime = span < 2 * TimeSpan.TicksPerDay;
        sb.Append("<g class=\"dates\">\n");
        for (var i = 0; i < DateTicks; i++)
        {
            var ticks = plot.X0 + span * i / (DateTicks - 1);
            var date = new DateTimeOffset(ticks, TimeSpan.Zero);
            var text = withTime ? date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : ReportFormat.Day(date);
            var anchor = i == 0 ? "start" : i == DateTicks - 1 ? "end" : "middle";
            sb.Append("<text x=\"").Append(C(plot.X(ticks))).Append("\" y=\"").Append(C(Height - 8)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
              .Append(text).Append("</text>\n");
        }
        sb.Append("</g>\n");
    }

    private static void Line(StringBuilder sb, ChartLine line, Plot plot)
    {
        var colour = HtmlText.Escape(line.Colour);
        foreach (var segment in Segments(line, plot))
        {
            if (line.FillToZero)
            {
                sb.Append("<path class=\"area\" fill=\"").Append(colour).Append("\" d=\"M").Append(C(segment[0].X)).Append(' ').Append(C(plot.Y(0)));
                foreach (var (x, y) in segment) sb.Append(" L").Append(C(x)).Append(' ').Append(C(y));
                sb.Append(" L").Append(C(segment[^1].X)).Append(' ').Append(C(plot.Y(0))).Append(" Z\" />\n");
            }
            sb.Append("<path class=\"line\" stroke=\"").Append(colour).Append("\" d=\"");
            for (var i = 0; i < segment.Count; i++)
                sb.Append(i == 0 ? "M" : " L").Append(C(segment[i].X)).Append(' ').Append(C(segment[i].Y));
            // A lone point would be an invisible zero-length path; a short tick keeps it visible.
            if (segment.Count == 1) sb.Append(" h1");
            sb.Append("\" />\n");
        }
    }

    private static IEnumerable<List<(double X, double Y)>> Segments(ChartLine line, Plot plot)
    {
        var current = new List<(double X, double Y)>();
        for (var t = 0; t < line.Values.Count; t++)
        {
            var v = line.Values[t];
            if (double.IsFinite(v))
            {
                current.Add((plot.X(line.Dates[t].UtcTicks), plot.Y(v)));
                continue;
            }
            if (current.Count > 0) yield return Thin(current);
            current = [];
        }
        if (current.Count > 0) yield return Thin(current);
    }

    private static List<(double X, double Y)> Thin(List<(double X, double Y)> points)
    {
        if (points.Count <= 2 * (int)(Width - Left - Right)) return points;
        var kept = new List<(double X, double Y)>();
        var start = 0;
        while (start < points.Count)
        {
            var column = (int)points[start].X;
            var end = start;
            int low = start, high = start;
            while (end + 1 < points.Count && (int)points[end + 1].X == column)
            {
                end++;
                // SVG y grows downwards: the lowest value has the largest y.
                if (points[end].Y > points[low].Y) low = end;
                if (points[end].Y < points[high].Y) high = end;
            }
            foreach (var i in new SortedSet<int> { start, low, high, end }) kept.Add(points[i]);
            start = end + 1;
        }
        return kept;
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<ChartLine> lines)
    {
        sb.Append("<g class=\"legend\">\n");
        var x = Left;
        foreach (var line in lines)
        {
            sb.Append("<rect x=\"").Append(C(x)).Append("\" y=\"").Append(C(Top)).Append("\" width=\"12\" height=\"4\" fill=\"").Append(HtmlText.Escape(line.Colour)).Append("\" />")
              .Append("<text x=\"").Append(C(x + 16)).Append("\" y=\"").Append(C(Top + 3)).Append("\" dominant-baseline=\"middle\">").Append(HtmlText.Escape(line.Name)).Append("</text>\n");
            // Rough width of the label so entries do not overlap (no text measuring without a browser).
            x += 28 + 7 * Math.Min(line.Name.Length, 24);
        }
        sb.Append("</g>\n");
    }

    private static string C(double value) => ReportFormat.Fixed(value, 1);

    /// <summary>Maps UTC ticks and values to pixel coordinates inside the plot area.</summary>
    private readonly record struct Plot(double Left, double Right, double Top, double Bottom, long X0, long X1, double Y0, double Y1)
    {
        public double X(long ticks) => Left + (Right - Left) * ((double)(ticks - X0) / (X1 - X0));

        public double Y(double value) => Bottom - (Bottom - Top) * ((value - Y0) / (Y1 - Y0));
    }
}
