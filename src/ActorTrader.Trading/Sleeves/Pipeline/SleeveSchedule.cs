using System.Collections.ObjectModel;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The sleeve's target per bar: what it actually held, not the static allocation. <see cref="Weights"/>[t][s] =
/// Σ over the legs j on <see cref="Symbols"/>[s] of leg weight_j × sign_j × exposure_j, where exposure_j is |target| of the
/// leg's strategy decided at the close of bar <see cref="Dates"/>[t] while it is on the leg's side (0 when flat or on the
/// other side; the rest of the book is cash).
/// <para>
/// Bar convention — the same as the backtest's <see cref="WeightsSchedule"/>: <see cref="Dates"/> are panel bar times
/// (UTC, ascending), from the bar whose close makes the first decision of the sleeve's common window to the panel's last
/// bar. Row t is <b>decided at the close of bar Dates[t] and held over the next bar, Dates[t + 1]</b>; it earns the
/// sleeve's in-sample return dated Dates[t + 1] (<see cref="SleeveOutcome.Returns"/>[t], so Dates[t + 1] =
/// <see cref="SleeveOutcome.Dates"/>[t]). There is one row more than there are returns: the last row, decided at the close
/// of the last bar, is the target for the bar after the panel (equal to <see cref="SleevePortfolio.TargetWeights"/>); a
/// simulator never trades it. Fed to the vectorised simulator with the close-to-close returns of the same bars and no
/// cost, it reproduces the in-sample returns bar for bar (the simulator books Returns[t] on bar t + 1).
/// </para>
/// </summary>
/// <param name="Dates">Decision bars: row t is decided at the close of Dates[t] and held over the next bar.</param>
/// <param name="Symbols">The sleeve's symbols, sorted (the same as the keys of <see cref="SleevePortfolio.AssetWeights"/>).</param>
/// <param name="Weights">One row per date, one signed weight per symbol (finite; 0 = not held).</param>
public sealed record SleeveSchedule(
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<Symbol> Symbols,
    IReadOnlyList<IReadOnlyList<double>> Weights)
{
    /// <summary>No rows and no symbols (a run that stopped before optimisation).</summary>
    public static SleeveSchedule Empty { get; } = new([], [], []);

    /// <summary>Number of rows (= number of in-sample returns + 1, or 0 when empty).</summary>
    public int Count => Dates.Count;

    /// <summary>
    /// The schedule of <paramref name="legs"/> with leg weights <paramref name="legWeights"/> over the common window that
    /// starts at return period <paramref name="windowStart"/> of <paramref name="axis"/>: rows for the decision bars
    /// windowStart .. axis.Length (the last from each leg's <see cref="CandidateStream.CurrentExposure"/>).
    /// </summary>
    public static SleeveSchedule Of(IReadOnlyList<SleeveLeg> legs, IReadOnlyList<double> legWeights, int windowStart, ReturnAxis axis)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(legWeights);
        ArgumentNullException.ThrowIfNull(axis);
        if (legWeights.Count != legs.Count) throw new ArgumentException($"{legWeights.Count} weights for {legs.Count} legs.", nameof(legWeights));
        ArgumentOutOfRangeException.ThrowIfNegative(windowStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowStart, axis.Length);
        Symbol[] symbols = [.. legs.Select(l => l.Candidate.Symbol).Distinct().Order()];
        var column = symbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var rows = new IReadOnlyList<double>[axis.Length - windowStart + 1];
        for (var t = 0; t < rows.Length; t++)
        {
            // Row t is decided at the close of bar windowStart + t, i.e. held over return period windowStart + t.
            var period = windowStart + t;
            var row = new double[symbols.Length];
            // Leg order is fixed (the optimiser's), so the sums are the same in every run.
            for (var j = 0; j < legs.Count; j++)
            {
                var c = legs[j].Candidate;
                var exposure = period < axis.Length ? c.Exposure[period] : c.CurrentExposure;
                row[column[c.Symbol]] += c.Sign * legWeights[j] * exposure;
            }
            rows[t] = Array.AsReadOnly(row);
        }
        return new SleeveSchedule([.. axis.BarTimes.Skip(windowStart)], symbols, rows);
    }

    /// <summary>
    /// The backtest's <see cref="WeightsSchedule"/> on <see cref="Dates"/> with the columns <paramref name="columns"/> (e.g.
    /// a returns matrix's symbols, in its order): the sleeve's weight where it holds the symbol, 0 elsewhere. Every symbol of
    /// the sleeve must be among the columns.
    /// </summary>
    public WeightsSchedule ToWeightsSchedule(IReadOnlyList<Symbol> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var index = new int[Symbols.Count];
        for (var s = 0; s < Symbols.Count; s++)
        {
            index[s] = IndexOf(columns, Symbols[s]);
            if (index[s] < 0)
                throw new ArgumentException($"The sleeve holds {Symbols[s]}, which is not among the columns ({string.Join(", ", columns)}); add it to the returns.", nameof(columns));
        }
        var values = new double[Count * columns.Count];
        for (var t = 0; t < Count; t++)
        {
            for (var s = 0; s < Symbols.Count; s++) values[t * columns.Count + index[s]] = Weights[t][s];
        }
        return WeightsSchedule.FromValues(columns, Dates, values);
    }

    /// <summary>
    /// At most <paramref name="maxRows"/> rows spread evenly over the schedule, the first and the last always included
    /// (row k of the sample is row ⌊k (n − 1) / (m − 1)⌋): deterministic, for charts. The schedule itself when it is short enough.
    /// </summary>
    public SleeveSchedule Sample(int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        if (Count <= maxRows) return this;
        var picked = Enumerable.Range(0, maxRows).Select(k => (int)((long)k * (Count - 1) / (maxRows - 1))).ToList();
        return new SleeveSchedule([.. picked.Select(t => Dates[t])], Symbols, new ReadOnlyCollection<IReadOnlyList<double>>([.. picked.Select(t => Weights[t])]));
    }

    private static int IndexOf(IReadOnlyList<Symbol> columns, Symbol symbol)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == symbol) return i;
        }
        return -1;
    }
}
