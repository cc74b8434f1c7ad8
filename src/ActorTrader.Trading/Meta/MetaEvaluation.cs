using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// The meta flow after the sleeves have answered (pure apart from checking that sleeve artifacts exist): completeness
/// gate → sign-test gate → meta-returns matrix on common dates (at least <see cref="MetaProfile.MinOverlap"/>) →
/// meta-weights by the profile's optimiser → flattened asset weights (the allocation) and flattened target weights (what to
/// hold from the next open), both Σ over sleeves of meta-weight × the sleeve's signed weight. Stops at the first stage that fails, with the
/// reasons; the report shows everything computed up to there.
/// </summary>
internal sealed record MetaEvaluation(
    IReadOnlyList<string> Reasons,
    MetaGateResult Completeness,
    MetaGateResult SignTest,
    MetaReturnsMatrix? Matrix,
    PortfolioWeights? MetaWeights,
    IReadOnlyList<KeyValuePair<Symbol, double>> AssetWeights,
    IReadOnlyList<KeyValuePair<Symbol, double>> TargetWeights)
{
    public bool Succeeded => Reasons.Count == 0;

    /// <summary>Sleeves (ordinal) whose run used generated bars; the tearsheet says so. Empty unless the gates passed.</summary>
    public IReadOnlyList<string> SyntheticSleeves { get; init; } = [];

    public static MetaEvaluation Evaluate(MetaProfile profile, IReadOnlyList<SleeveResult> results, string weightsFile, OptimizerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalog);
        var completeness = CompletenessGate.Check(profile, results, weightsFile);
        var signTest = SignTestGate.Check(results, completeness);
        var reasons = new List<string>();
        reasons.AddRange(completeness.Failures.Select(f => $"completeness gate: {f}"));
        reasons.AddRange(signTest.Failures.Except(signTest.AlreadyReported, StringComparer.Ordinal).Select(f => $"sign-test gate: {f}"));
        if (reasons.Count > 0) return new MetaEvaluation(reasons, completeness, signTest, null, null, [], []);

        // Both gates passed, so every result has a succeeded outcome with a clean return stream.
        var outcomes = results.Select(r => r.Outcome!).ToList();
        var matrix = MetaReturnsMatrix.Align([.. outcomes.Select(o => (o.Sleeve, o.Dates, o.Returns))]);
        if (matrix.Dates.Count < profile.MinOverlap)
        {
            var windows = string.Join(", ", outcomes.OrderBy(o => o.Sleeve, StringComparer.Ordinal)
                .Select(o => $"{o.Sleeve} {MetaText.Int(o.Dates.Count)} bars {MetaText.Date(o.Dates[0])}..{MetaText.Date(o.Dates[^1])}"));
            reasons.Add($"meta-returns: the sleeves share {MetaText.Int(matrix.Dates.Count)} common date(s), fewer than min-overlap = {MetaText.Int(profile.MinOverlap)} ({windows}); " +
                "run the sleeves over the same window or lower min-overlap");
            return new MetaEvaluation(reasons, completeness, signTest, matrix, null, [], []);
        }

        PortfolioWeights weights;
        try
        {
            weights = MetaWeighting.Compute(matrix, catalog.Get(profile.Optimizer));
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException)
        {
            // An optimiser refusing (zero-variance sleeve, singular covariance) is a run failure, not a meta crash.
            reasons.Add($"meta-weights ({profile.Optimizer}): {e.Message}");
            return new MetaEvaluation(reasons, completeness, signTest, matrix, null, [], []);
        }

        var sleeveWeights = outcomes.ToDictionary(o => o.Sleeve, o => o.AssetWeights, StringComparer.Ordinal);
        var flattened = WeightFlattening.Flatten(weights.Assets, weights.Weights, sleeveWeights);
        var sleeveTargets = outcomes.ToDictionary(o => o.Sleeve, o => o.TargetWeights, StringComparer.Ordinal);
        var targets = WeightFlattening.Flatten(weights.Assets, weights.Weights, sleeveTargets);
        return new MetaEvaluation(reasons, completeness, signTest, matrix, weights, flattened, targets)
        {
            SyntheticSleeves = [.. outcomes.Where(o => o.SyntheticData).Select(o => o.Sleeve).Order(StringComparer.Ordinal)],
        };
    }
}
