using System.Globalization;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Bandit;

/// <summary>
/// A grid over a parameter space: each real parameter cut into equal-width bins, each whole-number (and flag) parameter
/// into bins of (nearly) equal numbers of values, each choice one bin per choice. A region is one bin per parameter,
/// keyed by text like <c>lookback=2,threshold=0</c> (parameters in ordinal name order, so the key is stable).
/// </summary>
public sealed class ParameterGrid
{
    private readonly ParameterRange[] _ranges;

    public ParameterGrid(ParameterSpace space, int binsPerParameter)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(binsPerParameter, 1);
        Space = space;
        BinsPerParameter = binsPerParameter;
        _ranges = [.. space.Ranges.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    public ParameterSpace Space { get; }

    public int BinsPerParameter { get; }

    /// <summary>Number of bins of <paramref name="range"/>.</summary>
    public int BinCount(ParameterRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.Kind == ParameterKind.Choice) return range.Choices.Count;
        if (range.Kind == ParameterKind.Real) return range.Max > range.Min ? BinsPerParameter : 1;
        return (int)Math.Min(BinsPerParameter, WholeCount(range));
    }

    /// <summary>The region key of <paramref name="parameters"/> (values outside a range fall in its nearest bin).</summary>
    public string RegionOf(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bins = new int[_ranges.Length];
        for (var i = 0; i < _ranges.Length; i++) bins[i] = BinOf(_ranges[i], parameters[_ranges[i].Name]);
        return Key(bins);
    }

    /// <summary>A uniform parameter set inside the region <paramref name="region"/>.</summary>
    public ParameterSet SampleIn(string region, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var bins = Parse(region);
        var values = new List<KeyValuePair<string, double>>(_ranges.Length);
        for (var i = 0; i < _ranges.Length; i++) values.Add(KeyValuePair.Create(_ranges[i].Name, SampleBin(_ranges[i], bins[i], rng)));
        return new ParameterSet(values);
    }

    /// <summary>The bins of a region key; a key of another space or grid throws naming the part that does not fit.</summary>
    public int[] Parse(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var parts = region.Length == 0 ? [] : region.Split(',');
        if (parts.Length != _ranges.Length)
            throw new ArgumentException($"Region \"{region}\" has {parts.Length} part(s); this space has {_ranges.Length} parameters ({string.Join(", ", _ranges.Select(r => r.Name))}).", nameof(region));
        var bins = new int[_ranges.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? parts[i] : parts[i][..eq];
            if (name != _ranges[i].Name || !int.TryParse(parts[i].AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bin) ||
                bin >= BinCount(_ranges[i]))
                throw new ArgumentException($"Region \"{region}\": part \"{parts[i]}\" should be {_ranges[i].Name}=<bin 0..{BinCount(_ranges[i]) - 1}>.", nameof(region));
            bins[i] = bin;
        }
        return bins;
    }

    private string Key(int[] bins) =>
        string.Join(",", _ranges.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{r.Name}={bins[i]}")));

    private int BinOf(ParameterRange range, double value)
    {
        var count = BinCount(range);
        if (count == 1) return 0;
        if (range.Kind == ParameterKind.Choice) return (int)Math.Clamp(Math.Round(value - range.Min), 0, count - 1);
        if (range.Kind == ParameterKind.Real)
            return (int)Math.Clamp(Math.Floor((value - range.Min) / (range.Max - range.Min) * count), 0, count - 1);
        var n = WholeCount(range);
        var offset = Math.Clamp(Math.Round(value) - Math.Ceiling(range.Min), 0, n - 1);
        return (int)Math.Clamp(Math.Floor(offset * count / n), 0, count - 1);
    }

    private static double SampleBin(ParameterRange range, int bin, ResearchRandom rng, int count)
    {
        if (range.Kind == ParameterKind.Choice) return range.Min + bin;
        if (range.Kind == ParameterKind.Real)
        {
            var width = (range.Max - range.Min) / count;
            return range.Clamp(range.Min + (bin + rng.NextDouble()) * width);
        }
        var n = WholeCount(range);
        // Offsets i with floor(i·count/n) = bin are ceil(bin·n/count) .. ceil((bin+1)·n/count) − 1.
        var first = Math.Ceiling(bin * n / count);
        var last = Math.Ceiling((bin + 1) * n / count) - 1;
        var span = last - first + 1;
        var pick = span < int.MaxValue ? rng.NextInt((int)span) : Math.Floor(rng.NextDouble() * span);
        return range.Clamp(Math.Ceiling(range.Min) + first + pick);
    }

    private double SampleBin(ParameterRange range, int bin, ResearchRandom rng) => SampleBin(range, bin, rng, BinCount(range));

    private static double WholeCount(ParameterRange range) => Math.Floor(range.Max) - Math.Ceiling(range.Min) + 1;
}
