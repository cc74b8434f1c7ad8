using System.Globalization;
using System.Xml.Linq;
using ActorTrader.Node.Dashboard;

namespace ActorTrader.Node.Tests.Dashboard;

public sealed class SvgLineChartTests
{
    private static string Label(double x) => x.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void A_chart_is_well_formed_svg_with_one_polyline_point_per_finite_input_point()
    {
        var svg = SvgLineChart.Render("NAV", [new ChartSeries("nav", "#000", [(0, 1), (1, double.NaN), (2, 3), (3, 2)])], Label, "0.0", "empty");

        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var line = Assert.Single(doc.Descendants(ns + "polyline"));
        Assert.Equal(3, line.Attribute("points")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_y_labels_are_the_range_of_the_data()
    {
        var svg = SvgLineChart.Render("NAV", [new ChartSeries("nav", "#000", [(0, 95.5), (1, 120.25)])], Label, "0.00", "empty");

        Assert.Contains(">120.25<", svg, StringComparison.Ordinal);
        Assert.Contains(">95.50<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_escaped_so_a_strategy_name_cannot_inject_markup()
    {
        var svg = SvgLineChart.Render("<script>", [new ChartSeries("a<b", "#000", [(0, 1), (1, 2)])], Label, "0", "empty");

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("a&lt;b", svg, StringComparison.Ordinal);
        XDocument.Parse(svg);
    }

    [Fact]
    public void No_points_show_the_empty_text_instead_of_a_chart()
    {
        var svg = SvgLineChart.Render("NAV", [new ChartSeries("nav", "#000", [])], Label, "0", "No daily history yet");

        Assert.Contains("No daily history yet", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("polyline", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_renders_the_same_bytes()
    {
        ChartSeries[] series = [new("nav", "#000", [(1, 2.5), (2, 3.25), (5, 1.125)])];

        Assert.Equal(SvgLineChart.Render("t", series, Label, "0.0", "e"), SvgLineChart.Render("t", series, Label, "0.0", "e"));
    }
}
