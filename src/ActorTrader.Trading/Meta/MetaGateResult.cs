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
}
