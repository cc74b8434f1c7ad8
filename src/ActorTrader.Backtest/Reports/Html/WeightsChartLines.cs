namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Picks the lines of the weights chart: the <c>top</c> assets by mean |weight| (ties by name, ordinal) in that order, and
/// when more assets exist, their signed sum as "other".
/// </summary>
internal static class WeightsChartLines
{
    public const string OtherName = "other";
    private const string OtherColour = "#8c8c8c";

    public static IReadOnlyList<ChartLine> Of(WeightsHistory weights, int top)
    {
        var ranked = Enumerable.Range(0, weights.Assets.Count)
            .Select(i => (Index: i, Size: weights.Rows.Average(row => Math.Abs(row[i]))))
            .OrderByDescending(a => a.Size)
            .ThenBy(a => weights.Assets[a.Index], StringComparer.Ordinal)
            .Select(a => a.Index)
            .ToList();
        var shown = ranked.Take(top).ToList();
        var lines = new List<ChartLine>();
        for (var k = 0; k < shown.Count; k++)
        {
            var i = shown[k];
            lines.Add(new ChartLine(weights.Assets[i], weights.Dates, [.. weights.Rows.Select(row => row[i])], Palette.Colour(k)));
        }
        if (ranked.Count > shown.Count)
        {
            var rest = ranked.Skip(top).ToList();
            lines.Add(new ChartLine(OtherName, weights.Dates, [.. weights.Rows.Select(row => rest.Sum(i => row[i]))], OtherColour));
        }
        return lines;
    }
}
