using System.Globalization;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// The first meta gate: every sleeve answered, succeeded, has a run id and a run directory that exists and holds its
/// weights file, finite asset weights and finite target weights, and a non-empty return stream of finite returns on strictly increasing dates (one
/// per return); and there are at least <see cref="MetaProfile.MinimumSleeves"/> sleeves unless the profile allows a single one.
/// </summary>
internal static class CompletenessGate
{
    public const string Name = "completeness";

    public static MetaGateResult Check(MetaProfile profile, IReadOnlyList<SleeveResult> results, string weightsFile)
    {
        var rows = new List<MetaGateRow>();
        var failures = new List<string>();
        foreach (var result in results.OrderBy(r => r.Sleeve, StringComparer.Ordinal))
        {
            var problems = Problems(result, weightsFile);
            var reason = string.Join("; ", problems);
            rows.Add(new MetaGateRow(result.Sleeve, problems.Count == 0, reason));
            if (problems.Count > 0) failures.Add($"{result.Sleeve}: {reason}");
        }
        if (results.Count == 0)
        {
            failures.Add($"profile \"{profile.Name}\" lists no sleeves; list the sleeves to combine");
        }
        else if (results.Count < MetaProfile.MinimumSleeves && !profile.AllowSingleSleeve)
        {
            failures.Add($"profile \"{profile.Name}\" has {results.Count} sleeve(s); a meta-portfolio needs at least {MetaProfile.MinimumSleeves} " +
                "(add a sleeve, or set allow-single-sleeve = on for a one-sleeve profile)");
        }
        return new MetaGateResult(Name, rows, failures);
    }

    private static List<string> Problems(SleeveResult result, string weightsFile)
    {
        if (result.Outcome is not { } outcome) return [$"missing: {result.MissingReason}"];
        var problems = new List<string>();
        if (!string.Equals(outcome.Sleeve, result.Sleeve, StringComparison.Ordinal))
            problems.Add($"answered as sleeve \"{outcome.Sleeve}\"");
        if (!outcome.Succeeded)
            problems.Add($"sleeve run failed at stage {outcome.FailureStage ?? "(unknown)"}: {outcome.FailureReason ?? "(no reason given)"}");
        if (outcome.RunId.Value is null) problems.Add("no run id");
        if (string.IsNullOrWhiteSpace(outcome.RunDirectory))
        {
            problems.Add("no artifacts directory");
        }
        else if (!Directory.Exists(outcome.RunDirectory))
        {
            problems.Add($"artifacts directory {outcome.RunDirectory} does not exist");
        }
        else if (!File.Exists(Path.Combine(outcome.RunDirectory, weightsFile)))
        {
            problems.Add($"artifacts directory {outcome.RunDirectory} holds no {weightsFile}");
        }
        if (outcome.AssetWeights is null) problems.Add("no asset weights");
        else problems.AddRange(WeightProblems(outcome.AssetWeights, "asset"));
        if (outcome.TargetWeights is null) problems.Add("no target weights");
        else problems.AddRange(WeightProblems(outcome.TargetWeights, "target"));
        problems.AddRange(ReturnStreamProblems(outcome.Dates ?? [], outcome.Returns ?? []));
        return problems;
    }

    /// <summary>A NaN or infinite weight would poison every flattened weight of that symbol and cannot be written as JSON.</summary>
    private static IEnumerable<string> WeightProblems(IReadOnlyDictionary<Symbol, double> weights, string kind)
    {
        var bad = weights.Where(p => !double.IsFinite(p.Value)).OrderBy(p => p.Key).ToList();
        if (bad.Count > 0)
        {
            var (symbol, weight) = bad[0];
            yield return $"{bad.Count} NaN or infinite {kind} weight(s), first {symbol} = {weight.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    private static IEnumerable<string> ReturnStreamProblems(IReadOnlyList<DateTimeOffset> dates, IReadOnlyList<double> returns)
    {
        if (returns.Count == 0)
        {
            yield return "empty return stream";
            yield break;
        }
        if (dates.Count != returns.Count)
        {
            yield return $"{dates.Count} dates for {returns.Count} returns";
            yield break;
        }
        var bad = Enumerable.Range(0, returns.Count).Where(i => !double.IsFinite(returns[i])).ToList();
        if (bad.Count > 0)
        {
            var first = bad[0];
            yield return $"{bad.Count} NaN or infinite return(s), first {returns[first].ToString(CultureInfo.InvariantCulture)} on {MetaText.Date(dates[first])} (bar {first})";
        }
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                yield return $"dates are not strictly increasing at bar {i} ({MetaText.Date(dates[i])} after {MetaText.Date(dates[i - 1])})";
                yield break;
            }
        }
    }
}
