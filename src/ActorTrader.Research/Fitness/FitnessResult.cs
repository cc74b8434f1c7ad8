namespace ActorTrader.Research.Fitness;

/// <summary>
/// The fitness of one genome and the evidence behind it. <see cref="Fitness"/> is what selection ranks on (higher is
/// better): the walk-forward out-of-sample Sharpe minus drawdown and turnover penalties (novelty and the portfolio
/// correlation penalty are applied by the population on top). <see cref="Behaviour"/> is the behaviour descriptor the
/// novelty archive measures distance on; <see cref="DailyReturns"/> feeds the correlation penalty and promotion tests.
/// </summary>
public sealed record FitnessResult(
    double Fitness,
    double Sharpe,
    double DeflatedSharpe,
    double MaxDrawdown,
    double Turnover,
    int Trades,
    PinnedWindow Window,
    IReadOnlyList<double> Behaviour,
    IReadOnlyList<double> DailyReturns,
    string? Reason = null)
{
    /// <summary>
    /// The bar (start) time of each of <see cref="DailyReturns"/>, so the correlation penalty can align them with the returns
    /// of a strategy promoted from another window; empty when the evaluator does not know them.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> ReturnTimes { get; init; } = [];

    /// <summary>The fitness every failed evaluation gets: below any real score, finite so sorting stays total.</summary>
    public const double WorstFitness = -1e9;

    public bool IsWorst => Reason is not null;

    /// <summary>The result for a genome that could not be scored; <paramref name="reason"/> says why (exception, NaN, too few trades).</summary>
    public static FitnessResult Worst(PinnedWindow window, string reason) =>
        new(WorstFitness, double.NaN, double.NaN, double.NaN, double.NaN, 0, window, [], [], reason);
}
