using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// One candidate: a strategy trading one symbol in one direction. <see cref="Raw"/>[k] is its raw return over return
/// period k of the sleeve's axis (the bar ending at panel time k + 1): R_raw(t+1) = |target_t| × asset return(t+1) while
/// the strategy's target at t has this candidate's sign, 0 otherwise. For a short candidate the raw stream is still the
/// asset's (long) return; synthesis inverts it. Observations start at <see cref="FirstObservation"/>, the period after the
/// strategy's first decision. <see cref="CurrentExposure"/> is the position the strategy wants from the next open: |target|
/// decided at the close of the panel's last bar when it has this candidate's sign, else 0. Immutable: the arrays are never
/// changed after construction.
/// </summary>
public sealed class CandidateStream
{
    private readonly double[] _raw;
    private readonly double[] _exposure;

    /// <param name="exposure">|target| held over each period while in this candidate's direction, else 0; null = 1 wherever the raw return is non-zero.</param>
    /// <param name="currentExposure">|target| decided at the close of the last panel bar if in this candidate's direction, else 0 (finite, ≥ 0).</param>
    public CandidateStream(string strategy, Symbol symbol, CandidateDirection direction, double[] raw, int firstObservation, int activeBars, int trades,
        double[]? exposure = null, double currentExposure = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(strategy);
        ArgumentNullException.ThrowIfNull(raw);
        if (exposure is not null && exposure.Length != raw.Length)
            throw new ArgumentException($"{exposure.Length} exposures for {raw.Length} raw returns.", nameof(exposure));
        _exposure = exposure ?? [.. raw.Select(r => r == 0 ? 0.0 : 1.0)];
        if (firstObservation < 0 || firstObservation > raw.Length)
            throw new ArgumentOutOfRangeException(nameof(firstObservation), firstObservation, $"The first observation must lie within the {raw.Length} periods.");
        if (!double.IsFinite(currentExposure) || currentExposure < 0)
            throw new ArgumentOutOfRangeException(nameof(currentExposure), currentExposure, $"{strategy} {symbol}: the current exposure is a position size |target|, finite and ≥ 0.");
        Strategy = strategy;
        Symbol = symbol;
        Direction = direction;
        _raw = raw;
        FirstObservation = firstObservation;
        ActiveBars = activeBars;
        Trades = trades;
        CurrentExposure = currentExposure;
        Id = $"{strategy}:{symbol}:{(direction == CandidateDirection.Long ? "long" : "short")}";
    }

    /// <summary><c>strategy:EXCHANGE:TICKER:long|short</c>, unique within a sleeve run.</summary>
    public string Id { get; }

    public string Strategy { get; }

    public Symbol Symbol { get; }

    public CandidateDirection Direction { get; }

    /// <summary>Raw returns on the sleeve's return axis (zeros before <see cref="FirstObservation"/>).</summary>
    public ReadOnlySpan<double> Raw => _raw;

    /// <summary>The position size (|target|, ≥ 0) held over each period in this candidate's direction.</summary>
    public ReadOnlySpan<double> Exposure => _exposure;

    /// <summary>
    /// The position size (|target|, ≥ 0) to hold in this candidate's direction from the next open: decided at the close of the
    /// panel's last bar, so it lies one period beyond <see cref="Exposure"/>. 0 when the strategy is flat or on the other side.
    /// </summary>
    public double CurrentExposure { get; }

    public int Length => _raw.Length;

    /// <summary>Index of the first return period after the strategy's warm-up.</summary>
    public int FirstObservation { get; }

    /// <summary>Return periods from <see cref="FirstObservation"/> to the end.</summary>
    public int Observations => _raw.Length - FirstObservation;

    /// <summary>Return periods in which the candidate held a position.</summary>
    public int ActiveBars { get; }

    /// <summary>How many times the candidate entered a position (flat or the other side before, this side after).</summary>
    public int Trades { get; }

    /// <summary>+1 for long, −1 for short.</summary>
    public int Sign => Direction == CandidateDirection.Long ? 1 : -1;

    public override string ToString() => Id;
}
