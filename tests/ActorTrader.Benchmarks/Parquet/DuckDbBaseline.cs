using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// DuckDB (npm @duckdb/node-api) doing the same work as ActorTrader.Parquet, with one thread or with its default
/// (one per core), timed inside its node process by Parquet/duckdb/bench.mjs so that process and DuckDB start-up
/// are not counted. The script folder is copied beside the benchmark assembly; its node_modules are installed with
/// npm ci on first use.
/// </summary>
internal sealed class DuckDbBaseline
{
    private readonly string _directory;

    private DuckDbBaseline(string directory) => _directory = directory;

    public static async Task<DuckDbBaseline> InstallAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Parquet", "duckdb");
        if (!File.Exists(Path.Combine(directory, "package-lock.json")))
            throw new InvalidOperationException($"{directory}/package-lock.json is missing: the benchmark project must copy Parquet/duckdb/** (without node_modules) to its output.");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@duckdb", "node-api")))
        {
            Console.Error.Write("parquet: installing DuckDB (npm ci) ... ");
            await RunAsync(directory, "npm", "ci", "--no-audit", "--no-fund");
            Console.Error.WriteLine("done");
        }
        return new DuckDbBaseline(directory);
    }

    /// <summary>
    /// Seconds DuckDB takes to write the bars table from memory to a snappy Parquet file with <paramref name="threads"/>
    /// threads (null: DuckDB's default), the file's size and the thread count DuckDB ran with.
    /// </summary>
    public async Task<(double Seconds, long Bytes, int Threads)> WriteAsync(string path, int rows, int rowGroupRows, int? threads)
    {
        using var result = JsonDocument.Parse(await RunAsync(_directory, "node", "bench.mjs", "write", path,
            "--rows", Text(rows), "--row-group-size", Text(rowGroupRows), "--threads", ThreadsText(threads)));
        var root = result.RootElement;
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("bytes").GetInt64(), root.GetProperty("threads").GetInt32());
    }

    /// <summary>
    /// Seconds DuckDB takes to read every column of every row of <paramref name="path"/> with <paramref name="threads"/>
    /// threads (null: DuckDB's default), its row count and volume sum, and the thread count it ran with.
    /// </summary>
    public async Task<(double Seconds, long Rows, long Volume, int Threads)> ReadAsync(string path, int? threads)
    {
        using var result = JsonDocument.Parse(await RunAsync(_directory, "node", "bench.mjs", "read", path, "--threads", ThreadsText(threads)));
        var root = result.RootElement;
        return (root.GetProperty("seconds").GetDouble(),
            long.Parse(root.GetProperty("rows").GetString()!, CultureInfo.InvariantCulture),
            long.Parse(root.GetProperty("volume").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("threads").GetInt32());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ThreadsText(int? threads) => threads is { } count ? Text(count) : "default";
    private static async Task<string> RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {fileName}: {e.Message}. The parquet suite's baseline needs Node.js 20+ and npm on PATH.", e);
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` in {directory} exited with {process.ExitCode}:\n{await stderr}");
        return await stdout;
    }
}
