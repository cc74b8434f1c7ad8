using System.Globalization;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Research.Portfolio;

/// <summary>
/// Portfolio-level fitness: a candidate that is the same bet as a strategy already promoted adds little, so its fitness is
/// reduced by weight × the largest positive correlation of its daily returns with any promoted strategy's. The maximum,
/// not the mean, because one near-duplicate is enough to make the candidate redundant, however many unrelated strategies
/// are promoted. Promoted strategies may come from other runs, pinned on other windows, so series that carry their bar
/// times are aligned on the bars both cover (equal bar times); a series without times (journaled before times were kept)
/// can only be aligned by position, on the most recent common bars (the last min(lengths) values of each). A pair with
/// fewer than three common bars, or a side that does not vary, has no measurable correlation and adds nothing. Negative
/// correlation (a hedge) is not rewarded, only not penalised.
/// </summary>
public static class CorrelationPenalty
{
    /// <summary>The penalty in fitness units, in [0, <paramref name="weight"/>]; 0 when nothing is promoted.</summary>
    public static double Compute(DatedReturns candidate, IReadOnlyList<DatedReturns> promoted, double weight)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(promoted);
        if (!(weight >= 0) || !double.IsFinite(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The correlation penalty weight must be a finite number, 0 or more.");
        var worst = 0.0;
        for (var i = 0; i < promoted.Count; i++)
        {
            var other = promoted[i] ?? throw new ArgumentException($"promoted[{i}] is null.", nameof(promoted));
            worst = Math.Max(worst, Correlation(candidate, other));
        }
        return weight * worst;
    }

    /// <summary>The penalty for series without bar times (aligned by position).</summary>
    public static double Compute(IReadOnlyList<double> candidateReturns, IReadOnlyList<IReadOnlyList<double>> promotedReturns, double weight)
    {
        ArgumentNullException.ThrowIfNull(candidateReturns);
        ArgumentNullException.ThrowIfNull(promotedReturns);
        return Compute(new DatedReturns(candidateReturns),
            [.. promotedReturns.Select((r, i) => new DatedReturns(r ?? throw new ArgumentException($"promotedReturns[{i}] is null.", nameof(promotedReturns))))], weight);
    }

    /// <summary>Pearson correlation on the common bars (by time when both sides are dated, else by position); 0 when undefined.</summary>
    public static double Correlation(DatedReturns a, DatedReturns b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (x, y) = a.IsDated && b.IsDated ? AlignByTime(a, b) : AlignByPosition(a.Returns, b.Returns);
        if (x.Length < 3) return 0;
        for (var t = 0; t < x.Length; t++)
        {
            if (!double.IsFinite(x[t]) || !double.IsFinite(y[t]))
                throw new ArgumentException($"Return {t} of the aligned series is not finite ({x[t].ToString(CultureInfo.InvariantCulture)}, {y[t].ToString(CultureInfo.InvariantCulture)}); fitness returns are always finite, so the input is damaged.", nameof(a));
        }
        var correlation = BenchmarkExposure.Correlation(x, y);
        return double.IsFinite(correlation) ? correlation : 0;
    }

    /// <summary>Pearson correlation of the most recent common bars of two series without times; 0 when it is undefined.</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Correlation(new DatedReturns(a), new DatedReturns(b));
    }

    private static (double[] X, double[] Y) AlignByPosition(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var common = Math.Min(a.Count, b.Count);
        var x = new double[common];
        var y = new double[common];
        for (var t = 0; t < common; t++)
        {
            x[t] = a[a.Count - common + t];
            y[t] = b[b.Count - common + t];
        }
        return (x, y);
    }

    private static (double[] X, double[] Y) AlignByTime(DatedReturns a, DatedReturns b)
    {
        var indexOf = new Dictionary<DateTimeOffset, int>(b.Times!.Count);
        for (var j = 0; j < b.Times.Count; j++)
        {
            if (!indexOf.TryAdd(b.Times[j], j))
                throw new ArgumentException($"Bar time {b.Times[j]:o} appears twice in a promoted series; each bar has one return.", nameof(b));
        }
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < a.Times!.Count; i++)
        {
            if (!indexOf.TryGetValue(a.Times[i], out var j)) continue;
            x.Add(a.Returns[i]);
            y.Add(b.Returns[j]);
        }
        return ([.. x], [.. y]);
    }
}
