using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorTrader.Benchmarks;

/// <summary>Prints figures as JSON lines (for tools) or as a table (for people).</summary>
internal static class FigureWriter
{
    // Keeps '<', '>' and '+' readable in the output (it is never embedded in HTML).
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJsonLines(TextWriter output, IEnumerable<BenchmarkFigure> figures, string mode)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var figure in figures)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartObject();
                json.WriteString("figure", figure.Figure);
                json.WriteNumber("value", Round(figure.Value));
                json.WriteString("unit", figure.Unit);
                json.WriteNumber("baseline", Round(figure.Baseline));
                json.WriteNumber("ratio", Math.Round(figure.Ratio, 3));
                json.WriteString("better", BetterText(figure));
                json.WriteNumber("target", figure.Target);
                if (figure.TargetRatio is { } targetRatio) json.WriteNumber("target_ratio", targetRatio);
                json.WriteBoolean("meets_target", figure.MeetsTarget);
                json.WriteString("stat", figure.StatisticText);
                json.WriteNumber("value_min", Round(figure.Measured.Min));
                json.WriteNumber("value_max", Round(figure.Measured.Max));
                json.WriteNumber("baseline_min", Round(figure.Baselines.Min));
                json.WriteNumber("baseline_max", Round(figure.Baselines.Max));
                json.WriteString("workload", figure.Workload);
                json.WriteString("baseline_kind", figure.BaselineKind);
                json.WriteString("mode", mode);
                json.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    public static void WriteTable(TextWriter output, string suite, BenchmarkOptions options, IReadOnlyList<BenchmarkFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(figures);
        output.WriteLine($"Suite {suite}, {options.Mode} mode, {Environment.ProcessorCount} cores, .NET {Environment.Version}. ratio = value / baseline (same statistic for both).");
        output.WriteLine();
        string[] header = ["figure", "value", "unit", "baseline", "ratio", "better", "target", "met"];
        bool[] alignRight = [false, true, false, true, true, false, false, false];
        var rows = figures.Select(f => new[]
        {
            f.Figure,
            Format(f.Value),
            f.Unit,
            Format(f.Baseline),
            f.Ratio.ToString("0.000", CultureInfo.InvariantCulture),
            BetterText(f),
            DescribeTarget(f),
            f.MeetsTarget ? "yes" : "NO",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(header, widths, alignRight));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths, alignRight));
        output.WriteLine();
        foreach (var f in figures)
        {
            output.WriteLine($"{f.Figure}: {f.StatisticText} (value {Format(f.Measured.Min)}..{Format(f.Measured.Max)}, baseline {Format(f.Baselines.Min)}..{Format(f.Baselines.Max)})");
            output.WriteLine($"  workload: {f.Workload}");
            output.WriteLine($"  baseline: {f.BaselineKind}");
        }
    }

    private static string BetterText(BenchmarkFigure figure) => figure.Better == Better.Higher ? "higher" : "lower";

    private static string DescribeTarget(BenchmarkFigure figure)
    {
        var sign = figure.Better == Better.Higher ? ">=" : "<=";
        var target = $"{sign} {Format(figure.Target)}";
        return figure.TargetRatio is { } ratio ? $"{target}, ratio {sign} {ratio.ToString(CultureInfo.InvariantCulture)}" : target;
    }

    private static string Line(string[] cells, int[] widths, bool[] alignRight) =>
        string.Join("  ", cells.Select((c, i) => alignRight[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    // Large counts need no decimals; microseconds and ratios need a few.
    private static double Round(double value) => Math.Abs(value) >= 1000 ? Math.Round(value) : Math.Round(value, 3);

    private static string Format(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
