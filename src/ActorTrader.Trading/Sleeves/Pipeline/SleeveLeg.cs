namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// A synthesised leg: a selected candidate with the returns the sleeve holds — the raw stream for a long candidate, the
/// inverted short leg for a short one — on the sleeve's return axis.
/// </summary>
public sealed class SleeveLeg
{
    private readonly double[] _returns;

    public SleeveLeg(CandidateStream candidate, double[] returns)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Length != candidate.Length)
            throw new ArgumentException($"{candidate.Id}: {returns.Length} leg returns for {candidate.Length} periods.", nameof(returns));
        Candidate = candidate;
        _returns = returns;
    }

    public CandidateStream Candidate { get; }

    public string Id => Candidate.Id;

    public ReadOnlySpan<double> Returns => _returns;

    public override string ToString() => Id;
}
