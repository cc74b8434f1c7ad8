using System.Globalization;
using ActorTrader.Backtest.Reports;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Backtest.Tests.Reports;

public class TearsheetHtmlTests
{
    private static string WriteHtml(TearsheetData data, TearsheetOptions? options = null)
    {
        using var dir = new TempDirectory();
        var output = new TearsheetWriter(options).Write(data, dir.Path);
        return File.ReadAllText(output.Html);
    }

    [Fact]
    public void Page_parses_as_xml_so_every_tag_is_closed()
    {
        var html = WriteHtml(ReportTestData.Rich());

        var page = Xhtml.Parse(html);

        Assert.Equal("html", page.Root!.Name.LocalName);
    }

    [Fact]
    public void Page_loads_nothing_from_elsewhere()
    {
        var html = WriteHtml(ReportTestData.Rich());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_chart_is_one_inline_svg()
    {
        var page = Xhtml.Parse(WriteHtml(ReportTestData.Rich()));

        var ids = page.Descendants("svg").Select(s => (string?)s.Attribute("id")).ToList();

        Assert.Equal(["equity-chart", "drawdown-chart", "rolling-sharpe-chart", "weights-chart"], ids);
    }

    [Fact]
    public void Weights_chart_still_has_its_svg_when_no_weights_are_given()
    {
        var page = Xhtml.Parse(WriteHtml(ReportTestData.Known()));

        var weights = page.Descendants("svg").Single(s => (string?)s.Attribute("id") == "weights-chart");

        Assert.Contains("No weights were supplied", weights.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_table_shows_the_hand_computed_total_return_and_max_drawdown()
    {
        var page = Xhtml.Parse(WriteHtml(ReportTestData.Known()));

        Assert.Equal(0.1495, Xhtml.StatValue(page, "total_return"), 12);
        Assert.Equal("14.95%", Xhtml.StatRow(page, "total_return").Element("td")!.Value);
        Assert.Equal("20.00%", Xhtml.StatRow(page, "max_drawdown").Element("td")!.Value);
    }

    [Fact]
    public void Statistics_table_carries_quants_exact_values()
    {
        var data = ReportTestData.Rich();
        var quant = PerformanceSummary.Compute(data.Returns.ToArray(), 252);

        var page = Xhtml.Parse(WriteHtml(data));

        Assert.Equal(quant.Sharpe, Xhtml.StatValue(page, "sharpe"));
        Assert.Equal(quant.Sortino, Xhtml.StatValue(page, "sortino"));
        Assert.Equal(quant.Calmar, Xhtml.StatValue(page, "calmar"));
        Assert.Equal(quant.MaxDrawdown.Depth, Xhtml.StatValue(page, "max_drawdown"));
        Assert.Equal(quant.Sharpe.ToString("F2", CultureInfo.InvariantCulture), Xhtml.StatRow(page, "sharpe").Element("td")!.Value);
    }

    [Fact]
    public void Heat_map_puts_a_utc_month_crossing_return_in_the_next_month_cell()
    {
        DateTimeOffset[] dates =
        [
            new(2024, 1, 29, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 30, 0, 0, 0, TimeSpan.Zero),
            new(2024, 1, 31, 21, 0, 0, TimeSpan.FromHours(-5)), new(2024, 2, 2, 0, 0, 0, TimeSpan.Zero),
        ];
        var data = ReportTestData.Known() with { Dates = dates, Returns = [0.01, 0.02, 0.05, -0.01] };

        var page = Xhtml.Parse(WriteHtml(data));

        var february = Xhtml.HeatCell(page, 2024, 2);
        Assert.Equal(1.05 * 0.99 - 1, double.Parse((string)february.Attribute("data-value")!, CultureInfo.InvariantCulture), 12);
        Assert.Equal("3.95%", february.Value);
        Assert.Equal("3.02%", Xhtml.HeatCell(page, 2024, 1).Value);
    }

    [Fact]
    public void Heat_map_colours_gains_green_and_losses_red()
    {
        DateTimeOffset[] dates = [new(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 2, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 3, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 4, 10, 0, 0, 0, TimeSpan.Zero)];
        var data = ReportTestData.Known() with { Dates = dates, Returns = [0.10, -0.10, 0.0, 0.05] };

        var page = Xhtml.Parse(WriteHtml(data));

        // Full colour at the largest |month| (10%), white at zero.
        Assert.Contains("background:#1a9850", (string)Xhtml.HeatCell(page, 2024, 1).Attribute("style")!, StringComparison.Ordinal);
        Assert.Contains("background:#d73027", (string)Xhtml.HeatCell(page, 2024, 2).Attribute("style")!, StringComparison.Ordinal);
        Assert.Contains("background:#ffffff", (string)Xhtml.HeatCell(page, 2024, 3).Attribute("style")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_markup_characters_are_escaped()
    {
        const string title = "Tom & Jerry's <b>\"best\"</b>";
        const string profile = "<script>alert(1)</script>";
        const string asset = "X<&\">";
        var data = ReportTestData.Known(title, profile) with
        {
            Weights = new WeightsHistory(ReportTestData.Days(2), [asset, "Y"], [[0.5, 0.5], [0.4, 0.6]]),
            Notes = new Dictionary<string, string> { ["<key>"] = "a & b" },
        };

        var html = WriteHtml(data);
        var page = Xhtml.Parse(html);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(title, page.Descendants("h1").Single().Value);
        Assert.Equal(profile, page.Descendants("strong").Single().Value);
        Assert.Contains(page.Descendants("text"), t => t.Value == asset);
        Assert.Contains(page.Descendants("th"), t => t.Value == "<key>");
    }

    [Fact]
    public void Weights_chart_draws_the_top_assets_and_sums_the_rest_as_other()
    {
        var data = ReportTestData.Rich();

        var page = Xhtml.Parse(WriteHtml(data, new TearsheetOptions { TopAssets = 2 }));

        var legend = page.Descendants("svg").Single(s => (string?)s.Attribute("id") == "weights-chart")
            .Descendants("g").Single(g => (string?)g.Attribute("class") == "legend").Elements("text").Select(t => t.Value);
        // Mean |weight|: AAA ≈ 0.48, BBB ≈ 0.32, CCC 0.2, DDD 0.1, EEE 0.05.
        Assert.Equal(["AAA", "BBB", "other"], legend);
    }

    [Fact]
    public void Long_series_are_thinned_to_at_most_four_points_per_pixel_column()
    {
        var periods = 20_000;
        var returns = Enumerable.Range(0, periods).Select(i => 0.001 * Math.Sin(i * 0.37)).ToArray();
        var data = ReportTestData.Known() with { Dates = ReportTestData.Days(periods), Returns = returns };

        var page = Xhtml.Parse(WriteHtml(data));

        var path = page.Descendants("svg").Single(s => (string?)s.Attribute("id") == "equity-chart")
            .Descendants("path").Single(p => (string?)p.Attribute("class") == "line");
        var points = ((string)path.Attribute("d")!).Count(c => c is 'M' or 'L');
        Assert.InRange(points, 100, 4 * 880);
    }

    [Fact]
    public void Rolling_sharpe_window_longer_than_the_series_says_so_in_its_chart()
    {
        var page = Xhtml.Parse(WriteHtml(ReportTestData.Known()));

        var chart = page.Descendants("svg").Single(s => (string?)s.Attribute("id") == "rolling-sharpe-chart");

        Assert.Contains("Fewer than 63 periods", chart.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chart_spans_the_whole_run_so_they_line_up()
    {
        var page = Xhtml.Parse(WriteHtml(ReportTestData.Rich()));

        var axes = page.Descendants("svg").Select(svg => string.Join(" ",
            svg.Descendants("g").Single(g => (string?)g.Attribute("class") == "dates").Elements("text").Select(t => t.Value))).ToList();

        Assert.Equal(4, axes.Count);
        Assert.All(axes, axis => Assert.Equal(axes[0], axis));
        Assert.StartsWith("2024-01-02 ", axes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Flat_series_shows_undefined_ratios_as_not_available()
    {
        var data = ReportTestData.Known() with { Returns = [0.0, 0.0, 0.0, 0.0, 0.0] };

        var page = Xhtml.Parse(WriteHtml(data));

        Assert.Equal("n/a", Xhtml.StatRow(page, "sharpe").Element("td")!.Value);
        Assert.Equal("0.00%", Xhtml.StatRow(page, "max_drawdown").Element("td")!.Value);
        Assert.Contains("never fell below its high-water mark", page.Descendants("p").Single(p => (string?)p.Attribute("class") == "drawdown").Value, StringComparison.Ordinal);
    }
}
