using System.Text;
using System.Text.Json;
using ActorTrader.Backtest.Reports;
using ActorTrader.Data.Runs;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Writes a meta run's files into its run directory: always <c>meta_portfolio_report.md</c>; the alignment audit
/// <c>meta_alignment.json</c> once the sleeves were aligned; <c>meta_weights.json</c>, <c>asset_weights.json</c> and
/// <c>asset_weights.csv</c> (the allocation) and <c>target_weights.json</c> (what to hold from the next open) and the
/// tearsheet of the meta return stream in <c>tearsheet/</c> (<see cref="MetaTearsheet"/>) on success; last <c>INDEX.md</c>, naming the profile and run id and listing every file. Each
/// file is written beside itself and renamed into place; text is invariant with '\n' line ends, so the same inputs give
/// the same bytes.
/// </summary>
internal static class MetaArtifacts
{
    public const string ReportFile = "meta_portfolio_report.md";
    public const string MetaWeightsFile = "meta_weights.json";
    public const string AssetWeightsJsonFile = "asset_weights.json";
    public const string AssetWeightsCsvFile = "asset_weights.csv";
    public const string AlignmentFile = "meta_alignment.json";
    public const string TargetWeightsJsonFile = "target_weights.json";

    /// <summary>The one-line meaning of the two flattened weight sets, written next to them.</summary>
    public const string WeightsExplanation =
        "\"allocation\" (asset_weights) = the sleeves' optimiser weights per leg flattened through the meta-weights, whatever is held today; " +
        "\"target\" (target_weights) = what to hold from the next open given the sleeves' signals at their last close (flat legs count 0; the rest is cash).";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the files and returns the report's path.</summary>
    public static string Write(string runDirectory, MetaProfile profile, RunId run, MetaEvaluation evaluation)
    {
        if (evaluation.Matrix is { } matrix) WriteFile(runDirectory, AlignmentFile, Json(w => WriteAlignment(w, profile, run, matrix)));
        if (evaluation.MetaWeights is { } weights)
        {
            WriteFile(runDirectory, MetaWeightsFile, Json(w =>
            {
                Header(w, profile, run);
                w.WriteString("optimizer", weights.Method);
                w.WriteStartArray("weights");
                for (var i = 0; i < weights.Assets.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("sleeve", weights.Assets[i]);
                    w.WriteNumber("weight", weights.Weights[i]);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
            WriteFile(runDirectory, AssetWeightsJsonFile, Json(w =>
            {
                Header(w, profile, run);
                w.WriteStartArray("weights");
                foreach (var (symbol, weight) in evaluation.AssetWeights)
                {
                    w.WriteStartObject();
                    w.WriteString("symbol", symbol.ToString());
                    w.WriteNumber("weight", weight);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
            WriteFile(runDirectory, TargetWeightsJsonFile, Json(w =>
            {
                Header(w, profile, run);
                w.WriteString("explanation", WeightsExplanation);
                w.WriteStartArray("weights");
                foreach (var (symbol, weight) in evaluation.TargetWeights)
                {
                    w.WriteStartObject();
                    w.WriteString("symbol", symbol.ToString());
                    w.WriteNumber("weight", weight);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
            var csv = new StringBuilder("symbol,weight\n");
            foreach (var (symbol, weight) in evaluation.AssetWeights) csv.Append(symbol.ToString()).Append(',').Append(MetaText.Exact(weight)).Append('\n');
            WriteFile(runDirectory, AssetWeightsCsvFile, Encoding.UTF8.GetBytes(csv.ToString()));
        }
        // Only a succeeded run has a meta return stream; before the report, so the report can point to it (or say why not).
        MetaTearsheet.Result? tearsheet = null;
        if (evaluation is { Succeeded: true, Matrix: { } aligned, MetaWeights: { } metaWeights })
            tearsheet = MetaTearsheet.Write(runDirectory, MetaTearsheet.Data(profile, run, aligned, metaWeights, evaluation.SyntheticSleeves));
        var report = Path.Combine(runDirectory, ReportFile);
        WriteFile(runDirectory, ReportFile, Encoding.UTF8.GetBytes(MetaReport.Render(profile, run, evaluation, tearsheet)));
        // Last, so it lists every file of the run (and the sleeves' files when they live under it).
        new RunIndexWriter(MetaIndexDescriptions.For(profile)).Write(runDirectory, new RunIndexHeader(profile.Name, run.Value, run.StartedAt));
        return report;
    }

    private static void WriteAlignment(Utf8JsonWriter w, MetaProfile profile, RunId run, MetaReturnsMatrix matrix)
    {
        Header(w, profile, run);
        w.WriteNumber("min_overlap", profile.MinOverlap);
        w.WriteNumber("common_dates", matrix.Dates.Count);
        if (matrix.Dates.Count > 0)
        {
            w.WriteString("first_date", MetaText.Date(matrix.Dates[0]));
            w.WriteString("last_date", MetaText.Date(matrix.Dates[^1]));
        }
        w.WriteStartArray("dropped");
        foreach (var dropped in matrix.Dropped)
        {
            w.WriteStartObject();
            w.WriteString("sleeve", dropped.Sleeve);
            w.WriteNumber("bars", dropped.Bars);
            w.WriteStartArray("dates");
            foreach (var date in dropped.Dates) w.WriteStringValue(MetaText.Date(date));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Header(Utf8JsonWriter w, MetaProfile profile, RunId run)
    {
        w.WriteString("profile", profile.Name);
        w.WriteString("run_id", run.Value);
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Temp file beside the target, then one rename: a reader never sees half a report.</summary>
    private static void WriteFile(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // nothing left after a successful move
        }
    }
}
