namespace ActorTrader.Trading.Meta;

/// <summary>
/// The second meta gate: every sleeve's directional sign test ran and passed, i.e. its short legs are certified as
/// inverted (the sleeve wrote <c>directional_sign_test.json</c> with the detail). A sleeve that never ran it — missing, or
/// stopped before synthesis (<see cref="Sleeves.SleeveOutcome.SignTestRan"/> false) — is not certified, so its row says
/// "not run" and FAILs, never PASS. Such a sleeve has always failed the completeness gate too (missing, or its run failed):
/// to avoid reporting it twice, that failure goes into <see cref="MetaGateResult.AlreadyReported"/> and the run's reasons
/// keep only the completeness line. A real violation, and a sleeve that claims success without having run the test, are
/// new reasons.
/// </summary>
internal static class SignTestGate
{
    public const string Name = "sign test";

    public static MetaGateResult Check(IReadOnlyList<SleeveResult> results, MetaGateResult completeness)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(completeness);
        var incomplete = completeness.Rows.Where(r => !r.Passed).Select(r => r.Sleeve).ToHashSet(StringComparer.Ordinal);
        var rows = new List<MetaGateRow>();
        var failures = new List<string>();
        var alreadyReported = new List<string>();
        foreach (var result in results.OrderBy(r => r.Sleeve, StringComparer.Ordinal))
        {
            var (reason, ran) = result.Outcome switch
            {
                null => ($"not run (sleeve missing: {result.MissingReason})", false),
                { SignTestPassed: false } o => ($"directional sign test failed (see directional_sign_test.json in {o.RunDirectory})", true),
                { SignTestRan: false, Succeeded: false } o => ($"not run (sleeve stopped before synthesis{(o.FailureStage is { } stage ? $", at stage {stage}" : "")})", false),
                { SignTestRan: false } => ("not run although the sleeve reports success (SignTestRan = false): its short legs are not certified; " +
                    "the sleeve must run the sign test at synthesis", false),
                _ => ("", true),
            };
            rows.Add(new MetaGateRow(result.Sleeve, reason.Length == 0, reason));
            if (reason.Length == 0) continue;
            var failure = $"{result.Sleeve}: {reason}";
            failures.Add(failure);
            if (!ran && incomplete.Contains(result.Sleeve)) alreadyReported.Add(failure);
        }
        return new MetaGateResult(Name, rows, failures) { AlreadyReported = alreadyReported };
    }
}
