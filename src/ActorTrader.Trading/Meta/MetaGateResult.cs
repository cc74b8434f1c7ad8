namespace ActorTrader.Trading.Meta;

/// <summary>One sleeve's line in a gate: PASS or FAIL and, when it fails, why (naming the check and the value).</summary>
public sealed record MetaGateRow(string Sleeve, bool Passed, string Reason);

/// <summary>
/// A gate's verdict: one row per sleeve (ordinal by name) and <see cref="Failures"/>, the reasons it failed, each
/// prefixed with the sleeve it concerns (or none for a gate-wide rule such as the sleeve count). Passes when there are none.
/// </summary>
public sealed record MetaGateResult(string Gate, IReadOnlyList<MetaGateRow> Rows, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>
    /// The <see cref="Failures"/> an earlier gate already reported for the same sleeve (e.g. the sign test of a sleeve the
    /// completeness gate failed): they fail this gate too but are left out of the run's reasons, so each cause is listed once.
    /// </summary>
    public IReadOnlyList<string> AlreadyReported { get; init; } = [];
}
