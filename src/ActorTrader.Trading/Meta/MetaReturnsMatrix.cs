using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// The meta-returns matrix: one column per sleeve (ordinal by name), one row per date that every sleeve has (the
/// intersection, ascending). <see cref="Dropped"/> audits, per sleeve, the dates it had that others lacked.
/// </summary>
internal sealed record MetaReturnsMatrix(
    IReadOnlyList<string> Sleeves,
    IReadOnlyList<DateTimeOffset> Dates,
    Matrix<double> Returns,
    IReadOnlyList<MetaReturnsMatrix.DroppedDates> Dropped)
{
    /// <summary>Dates of <paramref name="Sleeve"/> left out because another sleeve has no return on them.</summary>
    public sealed record DroppedDates(string Sleeve, int Bars, IReadOnlyList<DateTimeOffset> Dates);

    /// <summary>Aligns return streams (each with one date per return, no duplicate dates) on their common dates.</summary>
    public static MetaReturnsMatrix Align(IReadOnlyList<(string Sleeve, IReadOnlyList<DateTimeOffset> Dates, IReadOnlyList<double> Returns)> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var ordered = streams.OrderBy(s => s.Sleeve, StringComparer.Ordinal).ToList();
        HashSet<DateTimeOffset>? common = null;
        foreach (var stream in ordered)
        {
            if (common is null) common = [.. stream.Dates];
            else common.IntersectWith(stream.Dates);
        }
        var dates = (common ?? []).Order().ToList();
        var row = new Dictionary<DateTimeOffset, int>();
        for (var t = 0; t < dates.Count; t++) row[dates[t]] = t;

        var matrix = Matrix<double>.Build.Dense(dates.Count, ordered.Count);
        var dropped = new List<DroppedDates>();
        for (var c = 0; c < ordered.Count; c++)
        {
            var (sleeve, sleeveDates, returns) = ordered[c];
            var missing = new List<DateTimeOffset>();
            for (var i = 0; i < sleeveDates.Count; i++)
            {
                if (row.TryGetValue(sleeveDates[i], out var t)) matrix[t, c] = returns[i];
                else missing.Add(sleeveDates[i]);
            }
            dropped.Add(new DroppedDates(sleeve, missing.Count, missing));
        }
        return new MetaReturnsMatrix([.. ordered.Select(s => s.Sleeve)], dates, matrix, dropped);
    }
}
