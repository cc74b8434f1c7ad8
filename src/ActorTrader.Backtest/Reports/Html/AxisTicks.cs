namespace ActorTrader.Backtest.Reports;

/// <summary>"Nice" value-axis ticks (steps of 1, 2 or 5 × 10^k) covering a range, and how many decimals their labels need.</summary>
internal sealed record AxisTicks(double Low, double High, double Step, IReadOnlyList<double> Values)
{
    public static AxisTicks Cover(double min, double max, int target = 5)
    {
        if (!(max > min))
        {
            // A flat series still needs a visible band around its value.
            var pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1;
            min -= pad;
            max += pad;
        }
        var raw = (max - min) / target;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        var step = (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
        var first = (long)Math.Floor(min / step);
        var last = (long)Math.Ceiling(max / step);
        var values = new List<double>();
        // k × step rather than repeated addition, so tick values do not drift.
        for (var k = first; k <= last; k++) values.Add(k == 0 ? 0 : k * step);
        return new AxisTicks(first * step, last * step, step, values);
    }

    /// <summary>Decimals that distinguish neighbouring ticks once scaled by <paramref name="scale"/> (100 for percent).</summary>
    public int Decimals(double scale) => Math.Clamp((int)Math.Ceiling(-Math.Log10(Step * scale) - 1e-9), 0, 4);
}
