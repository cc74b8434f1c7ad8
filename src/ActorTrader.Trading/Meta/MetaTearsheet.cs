using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// The tearsheet of a succeeded meta run, in <c>&lt;run&gt;/tearsheet/</c> (the reports' <see cref="TearsheetWriter"/>): the
/// meta return stream r_t = Σ over sleeves of meta-weight × sleeve return on each common date of the aligned matrix,
/// the meta-weights as the weights over time (one constant row, assets named by sleeve) and notes naming the profile,
/// optimiser, sleeves and common window. The stream is in-sample: the meta-weights were fitted on the same dates.
/// </summary>
internal static class MetaTearsheet
{
    public const string Directory = "tearsheet";

    /// <summary>The meta return stream on <see cref="MetaReturnsMatrix.Dates"/>; sleeves summed in the matrix's (ordinal) order.</summary>
    public static double[] Returns(MetaReturnsMatrix matrix, PortfolioWeights weights)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(weights);
        var column = matrix.Sleeves.Select(s => weights[s]).ToArray();
        var returns = new double[matrix.Dates.Count];
        for (var t = 0; t < returns.Length; t++)
        {
            var sum = 0.0;
            for (var c = 0; c < column.Length; c++) sum += column[c] * matrix.Returns[t, c];
            returns[t] = sum;
        }
        return returns;
    }

    public static TearsheetData Data(MetaProfile profile, RunId run, MetaReturnsMatrix matrix, PortfolioWeights weights, IReadOnlyList<string> syntheticSleeves)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(syntheticSleeves);
        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["profile"] = profile.Name,
            ["optimiser"] = profile.Optimizer,
            ["sleeves"] = string.Join(", ", matrix.Sleeves),
            ["meta-weights"] = string.Join(", ", matrix.Sleeves.Select(s => $"{s} {MetaText.Weight(weights[s])}")),
            ["common window"] = matrix.Dates.Count == 0
                ? "none"
                : $"{MetaText.Int(matrix.Dates.Count)} bars, {MetaText.Date(matrix.Dates[0])} to {MetaText.Date(matrix.Dates[^1])} (dropped dates: see {MetaArtifacts.AlignmentFile})",
            ["returns"] = "in-sample: Σ meta-weight × sleeve return per common date, with the meta-weights fitted on the same dates",
            ["periods per year"] = MetaText.Int((int)PeriodsPerYear.TradingDays),
        };
        if (syntheticSleeves.Count > 0)
            notes["synthetic data"] = $"sleeves {string.Join(", ", syntheticSleeves)} ran on generated bars: this tearsheet demonstrates, it does not inform";
        return new TearsheetData($"Meta-portfolio {profile.Name} — {profile.Optimizer}", run.Value, profile.Name, matrix.Dates, Returns(matrix, weights), PeriodsPerYear.TradingDays)
        {
            Weights = matrix.Dates.Count == 0
                ? null
                : new WeightsHistory([matrix.Dates[0]], matrix.Sleeves, [[.. matrix.Sleeves.Select(s => weights[s])]]),
            Notes = notes,
        };
    }

    /// <summary>What <see cref="Write"/> did: the files written, or why the writer refused the stream.</summary>
    public sealed record Result(TearsheetOutput? Output, string? Skipped);

    /// <summary>
    /// Writes the tearsheet into <c>&lt;runDirectory&gt;/tearsheet/</c>. When the writer refuses the stream (e.g. fewer than
    /// <see cref="TearsheetData.MinimumPeriods"/> common dates) the result says why: the weights stand and the report
    /// names the reason. I/O errors propagate to the caller, which fails the run.
    /// </summary>
    public static Result Write(string runDirectory, TearsheetData data)
    {
        try
        {
            return new Result(new TearsheetWriter().Write(data, Path.Combine(runDirectory, Directory)), null);
        }
        catch (ArgumentException e)
        {
            return new Result(null, e.Message);
        }
    }
}
