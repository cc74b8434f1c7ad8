namespace ActorTrader.Trading.Meta;

/// <summary>
/// The second meta gate: every sleeve's directional sign test passed, i.e. its short legs are certified as inverted
/// (the sleeve wrote <c>directional_sign_test.json</c> with the detail). A sleeve without an outcome fails it too.
/// </summary>
internal static class SignTestGate
{
    public const string Name = "sign test";

    public static MetaGateResult Check(IReadOnlyList<SleeveResult> results)
    {
        var rows = new List<MetaGateRow>();
        var failures = new List<string>();
        foreach (var result in results.OrderBy(r => r.Sleeve, StringComparer.Ordinal))
        {
            var reason = result.Outcome switch
            {
                null => $"no outcome (missing: {result.MissingReason})",
                { SignTestPassed: false } o => $"directional sign test failed (see directional_sign_test.json in {o.RunDirectory})",
                _ => "",
            };
            rows.Add(new MetaGateRow(result.Sleeve, reason.Length == 0, reason));
            if (reason.Length > 0) failures.Add($"{result.Sleeve}: {reason}");
        }
        return new MetaGateResult(Name, rows, failures);
    }
}
