using ActorTrader.Quant.Statistics;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The Directional Correction Sign Test: certifies that a short leg really inverts its raw stream. Every period where
/// R_raw ≠ 0 must have sign(R_short) = −sign(R_raw); one violation fails the candidate. As evidence, the exact binomial
/// sign test (Quant <see cref="SignTest"/>, alternative "greater") gives the p-value of that many agreements in that
/// many non-zero periods under a coin-flip null.
/// </summary>
public static class DirectionalSignTest
{
    public static SignTestRecord Certify(string id, ReadOnlySpan<double> raw, ReadOnlySpan<double> shortLeg, IReadOnlyList<DateTimeOffset>? dates = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (raw.Length != shortLeg.Length)
            throw new ArgumentException($"{id}: the raw stream has {raw.Length} periods but the short leg {shortLeg.Length}.", nameof(shortLeg));
        int observations = 0, agreements = 0, firstViolation = -1;
        for (var k = 0; k < raw.Length; k++)
        {
            if (raw[k] == 0 || double.IsNaN(raw[k])) continue;
            observations++;
            if (Math.Sign(shortLeg[k]) == -Math.Sign(raw[k])) agreements++;
            else if (firstViolation < 0) firstViolation = k;
        }
        var violations = observations - agreements;
        double? pValue = observations == 0 ? null : SignTest.Exact(agreements, observations, Alternative.Greater).PValue;
        DateTimeOffset? firstDate = firstViolation >= 0 && dates is not null && firstViolation < dates.Count ? dates[firstViolation] : null;
        return new SignTestRecord(id, observations, agreements, violations, pValue, violations == 0, firstViolation < 0 ? null : firstViolation, firstDate);
    }
}

/// <summary>
/// One short candidate's certificate: non-zero raw periods, how many had the inverted sign, how many did not, the sign
/// test's p-value (null without observations), whether it passed, and the first violating period.
/// </summary>
public sealed record SignTestRecord(
    string Id,
    int Observations,
    int Agreements,
    int Violations,
    double? PValue,
    bool Passed,
    int? FirstViolationPeriod,
    DateTimeOffset? FirstViolationDate);
