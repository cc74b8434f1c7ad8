using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Stage 4, strategy synthesis: long candidates keep their raw stream; short candidates become short legs
/// R_short = −clip(R_raw, upper = 1.0) when short legs are on (and are dropped, named, when off). Every short leg is
/// certified by the <see cref="DirectionalSignTest"/>; <c>directional_sign_test.json</c> is written from
/// <see cref="SynthesisResult.SignTest"/> in every run. With the gate on, any violation fails the run.
/// </summary>
public static class StrategySynthesis
{
    public const string StageName = "synthesis";

    /// <summary>Synthesises with the standard inversion; <paramref name="invert"/> replaces it (tests inject a faulty one).</summary>
    public static SynthesisResult Apply(IReadOnlyList<CandidateStream> selected, SynthesisSettings settings, ReturnAxis axis, Func<double, double>? invert = null)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(axis);
        invert ??= ShortLeg.Invert;
        var legs = new List<SleeveLeg>();
        var dropped = new List<ExcludedCandidate>();
        var certificates = new List<SignTestRecord>();
        var clipped = 0;
        foreach (var c in selected)
        {
            if (c.Direction == CandidateDirection.Long)
            {
                legs.Add(new SleeveLeg(c, c.Raw.ToArray()));
                continue;
            }
            if (!settings.ShortLegs)
            {
                dropped.Add(new ExcludedCandidate(c.Id, StageName, "short candidate dropped: synthesis.short-legs = off"));
                continue;
            }
            var raw = c.Raw;
            var leg = new double[raw.Length];
            for (var k = 0; k < raw.Length; k++)
            {
                leg[k] = raw[k] == 0 ? 0 : invert(raw[k]);
                if (raw[k] > ShortLeg.ClipUpper) clipped++;
            }
            certificates.Add(DirectionalSignTest.Certify(c.Id, raw, leg, axis.Dates));
            legs.Add(new SleeveLeg(c, leg));
        }
        var failed = certificates.Where(r => !r.Passed).Select(r => r.Id).ToList();
        var signTest = new SignTestAudit(settings.SignGate, failed.Count == 0, certificates.Count, failed, certificates);
        var audit = new SynthesisAudit(settings.ShortLegs, settings.SignGate, ShortLeg.ClipUpper, selected.Count,
            legs.Count(l => l.Candidate.Direction == CandidateDirection.Long), legs.Count(l => l.Candidate.Direction == CandidateDirection.Short),
            clipped, signTest.Passed, [.. dropped.Select(d => d.Id)]);
        return new SynthesisResult(legs, dropped, signTest, audit);
    }
}

/// <summary>The legs synthesised, the short candidates dropped, the sign-test certificates and the stage audit.</summary>
public sealed record SynthesisResult(IReadOnlyList<SleeveLeg> Legs, IReadOnlyList<ExcludedCandidate> Dropped, SignTestAudit SignTest, SynthesisAudit Audit)
{
    /// <summary>True when the gate must stop the run: it is on and a short leg violated the inversion.</summary>
    public bool GateFailed => SignTest.GateEnabled && !SignTest.Passed;
}

/// <summary><c>directional_sign_test.json</c>: gate on/off, overall result, and one certificate per short leg.</summary>
public sealed record SignTestAudit(bool GateEnabled, bool Passed, int ShortLegs, IReadOnlyList<string> Failed, IReadOnlyList<SignTestRecord> Candidates);

/// <summary>The <c>04_synthesis.json</c> audit.</summary>
public sealed record SynthesisAudit(
    bool ShortLegs,
    bool SignGate,
    double ClipUpper,
    int Selected,
    int LongLegs,
    int ShortLegsMade,
    int ClippedPeriods,
    bool SignTestPassed,
    IReadOnlyList<string> DroppedShortCandidates);
