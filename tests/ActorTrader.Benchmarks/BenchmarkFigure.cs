namespace ActorTrader.Benchmarks;

/// <summary>
/// One measured figure next to its baseline from the same run. Machines are shared and noisy, so the
/// <see cref="Ratio"/> (always value ÷ baseline; <see cref="Better"/> says which way is good) is the number to compare.
/// </summary>
/// <param name="Measured">The samples of the measured figure, reduced to <see cref="Value"/> by <paramref name="Statistic"/>.</param>
/// <param name="Baselines">The samples of the baseline, taken alternately with <paramref name="Measured"/>.</param>
/// <param name="Target">The absolute target for <see cref="Value"/> (a minimum or maximum, per <see cref="Better"/>).</param>
/// <param name="TargetRatio">An optional target for <see cref="Ratio"/> in the same direction.</param>
/// <param name="Workload">What one sample measured, e.g. "2 pairs x 1,000 round trips".</param>
/// <param name="BaselineKind">What the baseline measures, in a few words.</param>
internal sealed record BenchmarkFigure(
    string Figure,
    string Unit,
    SampleSet Measured,
    SampleSet Baselines,
    Better Better,
    Statistic Statistic,
    double Target,
    double? TargetRatio,
    string Workload,
    string BaselineKind)
{
    public double Value => Measured.Reduce(Statistic, Better);

    public double Baseline => Baselines.Reduce(Statistic, Better);

    public double Ratio => Value / Baseline;

    public string StatisticText => $"{(Statistic == Statistic.Best ? "best" : "median")} of {Measured.Count}";

    public bool MeetsTarget => Meets(Value, Target) && (TargetRatio is not { } ratio || Meets(Ratio, ratio));

    private bool Meets(double actual, double limit) => Better == Better.Higher ? actual >= limit : actual <= limit;
}
