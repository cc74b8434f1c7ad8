namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// Picks the parquet suite's baseline: DuckDB if it installs (npm ci) and runs a tiny write here, otherwise the raw
/// binary writer/reader of the same arrays, saying why on one stderr line. Set ACTORTRADER_BENCH_NO_DUCKDB=1 to force
/// the raw binary baseline (to test the fallback on a machine that has node and npm).
/// </summary>
internal static class ParquetBaselineChoice
{
    public const string ForceRawVariable = "ACTORTRADER_BENCH_NO_DUCKDB";

    public static async Task<IParquetBaseline> ChooseAsync(string directory)
    {
        if (Environment.GetEnvironmentVariable(ForceRawVariable) == "1")
        {
            await Console.Error.WriteLineAsync($"parquet: baseline is a raw binary writer/reader of the same arrays, not DuckDB, because {ForceRawVariable}=1.");
            return new RawBinaryBaseline();
        }
        try
        {
            var duckDb = await DuckDbBaseline.InstallAsync();
            await duckDb.ProbeAsync(directory);
            return duckDb;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException)
        {
            // Not swallowed: the reason is printed and the figures say which baseline they used.
            await Console.Error.WriteLineAsync($"parquet: baseline is a raw binary writer/reader of the same arrays, not DuckDB, because DuckDB could not be installed or started: {OneLine(e.Message)}");
            return new RawBinaryBaseline();
        }
    }

    /// <summary>The first line of a (possibly multi-line, npm-stderr-carrying) message and its last, where npm puts the cause.</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length switch
        {
            0 => "(no message)",
            1 => lines[0],
            _ => $"{lines[0]} ... {lines[^1]}",
        };
    }
}
