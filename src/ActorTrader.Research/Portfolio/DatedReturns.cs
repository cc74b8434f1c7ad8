using System.Globalization;

namespace ActorTrader.Research.Portfolio;

/// <summary>
/// A return series with the bar (start) time of each return, oldest first, so series evaluated on different windows can be
/// aligned on the bars they share. <see cref="Times"/> null or empty: the times are unknown and only positions can align it.
/// </summary>
public sealed record DatedReturns
{
    public DatedReturns(IReadOnlyList<double> returns, IReadOnlyList<DateTimeOffset>? times = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (times is { Count: > 0 } && times.Count != returns.Count)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{returns.Count} returns but {times.Count} bar times; give one time per return, or none."), nameof(times));
        Returns = returns;
        Times = times is { Count: > 0 } ? times : null;
    }

    public IReadOnlyList<double> Returns { get; }

    public IReadOnlyList<DateTimeOffset>? Times { get; }

    /// <summary>Whether each return has its bar time.</summary>
    public bool IsDated => Times is not null;
}
