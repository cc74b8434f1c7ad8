namespace ActorTrader.Benchmarks;

/// <summary>The samples of one side of a figure: one of them is reported, min and max show the noise.</summary>
internal sealed class SampleSet
{
    private readonly double[] _sorted;

    public SampleSet(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _sorted = samples.Order().ToArray();
        if (_sorted.Length == 0) throw new ArgumentException("A sample set needs at least one sample.", nameof(samples));
    }

    public int Count => _sorted.Length;

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Best(Better better) => better == Better.Higher ? Max : Min;

    public double Reduce(Statistic statistic, Better better) => statistic == Statistic.Best ? Best(better) : Median;

    public double Median
    {
        get
        {
            var middle = _sorted.Length / 2;
            return _sorted.Length % 2 == 1 ? _sorted[middle] : (_sorted[middle - 1] + _sorted[middle]) / 2;
        }
    }
}
