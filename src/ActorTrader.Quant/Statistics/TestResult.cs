namespace ActorTrader.Quant.Statistics;

/// <summary>Outcome of a hypothesis test.</summary>
/// <param name="Statistic">Test statistic (t, corrected DM, or the count of positive signs).</param>
/// <param name="PValue">p-value under the requested alternative.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the reference t distribution; for the sign test, the number of non-zero pairs (trials).</param>
/// <param name="Estimate">The effect estimated: mean difference (t-test), mean loss differential (Diebold–Mariano), share of positive signs (sign test).</param>
/// <param name="Alternative">Alternative hypothesis the p-value refers to.</param>
public sealed record TestResult(double Statistic, double PValue, double DegreesOfFreedom, double Estimate, Alternative Alternative)
{
    /// <summary>True when the p-value is below <paramref name="level"/>.</summary>
    public bool RejectsAt(double level) => PValue < level;
}
