using System.Globalization;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Node.Dashboard;

/// <summary>The dashboard's charts: equity over 30 days / 90 days / 1 year, intraday NAV and research fitness per generation.</summary>
internal static class DashboardCharts
{
    /// <summary>The equity chart's ranges, by the name the page asks for.</summary>
    public static readonly IReadOnlyDictionary<string, int> Ranges = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["30d"] = 30,
        ["90d"] = 90,
        ["1y"] = 365,
    };

    /// <summary>NAV of the daily rows within <paramref name="days"/> calendar days of the last row.</summary>
    public static string Equity(IReadOnlyList<PortfolioDailyView> rows, int days)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var dates = rows.Select(r => DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var points = new List<(double X, double Y)>();
        if (dates.Count > 0)
        {
            var from = dates[^1].AddDays(-days);
            for (var i = 0; i < rows.Count; i++)
                if (dates[i] > from) points.Add((dates[i].DayNumber, (double)rows[i].Nav));
        }
        var label = days == 365 ? "1 year" : $"{days} days";
        return SvgLineChart.Render($"Equity, {label}", [new ChartSeries("NAV", "#2563eb", points)],
            x => DateOnly.FromDayNumber((int)x).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "#,0", "No daily history yet");
    }

    /// <summary>NAV against the day's open: the samples of the exchange day, as P&amp;L from the first.</summary>
    public static string Intraday(IntradaySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var samples = series.Samples;
        var open = samples.Count > 0 ? samples[0].Nav : 0m;
        var points = samples.Select(s => ((double)s.At.ToUnixTimeSeconds(), (double)(s.Nav - open))).ToList();
        var day = series.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "today";
        return SvgLineChart.Render($"Intraday P&L {day}", [new ChartSeries("P&L", "#16a34a", points)],
            x => DateTimeOffset.FromUnixTimeSeconds((long)x).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "Z", "+#,0.00;-#,0.00;0", "No NAV samples today yet");
    }

    /// <summary>Best and mean penalised fitness per generation of one population.</summary>
    public static string Fitness(ResearchHistoryResponse history)
    {
        ArgumentNullException.ThrowIfNull(history);
        // -1e9 is the worst fitness (nothing scored): left out, it would flatten every other point.
        static bool Scored(double? f) => f is > -1e8;
        var best = history.Generations.Where(g => Scored(g.Best)).Select(g => ((double)g.Generation, g.Best!.Value)).ToList();
        var mean = history.Generations.Where(g => Scored(g.Mean)).Select(g => ((double)g.Generation, g.Mean!.Value)).ToList();
        return SvgLineChart.Render($"Fitness of {history.Strategy}", [new ChartSeries("best", "#2563eb", best), new ChartSeries("mean", "#9333ea", mean)],
            x => "gen " + x.ToString("0", CultureInfo.InvariantCulture), "0.###", "No generation yet");
    }
}
