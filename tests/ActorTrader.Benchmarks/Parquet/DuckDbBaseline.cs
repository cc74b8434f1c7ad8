using ActorTrader.Parquet;
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
internal sealed class DuckDbBaseline : IParquetBaseline
{
    private const string WriteWork = "COPY of the same in-memory table (NOT NULL columns) to a snappy file, timed inside node, no fsync";

    private const string ReadWork = "SELECT a sum of every column FROM read_parquet(our file), timed inside node";

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
            try
            {
                await RunAsync(directory, "npm", "ci", "--no-audit", "--no-fund");
            }
            catch (InvalidOperationException)
            {
                Console.Error.WriteLine("failed"); // ends the progress line; the caller reports the cause
                throw;
            }
            Console.Error.WriteLine("done");
        }
        return new DuckDbBaseline(directory);
    }

    /// <summary>
    /// Runs DuckDB once on a tiny table in <paramref name="directory"/>, so a DuckDB that installs but cannot start
    /// (missing native library, old node) is found before the timed rounds.
    /// </summary>
    public async Task ProbeAsync(string directory) =>
        await WriteFileAsync(Path.Combine(directory, "duckdb-probe.parquet"), rows: 1_000, rowGroupRows: 1_000, threads: 1);

    /// <summary>
    /// DuckDB writes its own in-memory copy of the bars table (same formulas, built by bench.mjs before timing), so
    /// <paramref name="table"/> is not used.
    /// </summary>
    public Task<BaselineWrite> WriteAsync(string directory, IReadOnlyList<IReadOnlyList<ParquetColumn>> table, int rows, int rowGroupRows, int? threads) =>
        WriteFileAsync(Path.Combine(directory, "duckdb.parquet"), rows, rowGroupRows, threads);

    /// <summary>
    /// Seconds DuckDB takes to read every column of every row of <paramref name="ourFile"/> with <paramref name="threads"/>
    /// threads (null: DuckDB's default), its row count and volume sum, and the thread count it ran with.
    /// </summary>
    public async Task<BaselineRead> ReadAsync(string directory, string ourFile, int? threads)
    {
        using var result = JsonDocument.Parse(await RunAsync(_directory, "node", "bench.mjs", "read", ourFile, "--threads", ThreadsText(threads)));
        var root = result.RootElement;
        return new BaselineRead(root.GetProperty("seconds").GetDouble(),
            long.Parse(root.GetProperty("rows").GetString()!, CultureInfo.InvariantCulture),
            long.Parse(root.GetProperty("volume").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("threads").GetInt32());
    }

    public string DescribeWrite(int threads, bool defaultThreads) => $"{Who(threads, defaultThreads)}: {WriteWork}";

    public string DescribeRead(int threads, bool defaultThreads) => $"{Who(threads, defaultThreads)}: {ReadWork}";

    public string FileSizeKind => "DuckDB's file of the same table (default threads)";

    private static string Who(int threads, bool defaultThreads) =>
        defaultThreads ? $"DuckDB at its default {threads} threads" : $"DuckDB {threads} thread{(threads == 1 ? "" : "s")}";

    /// <summary>
    /// Seconds DuckDB takes to write the bars table from memory to a snappy Parquet file with <paramref name="threads"/>
    /// threads (null: DuckDB's default), the file's size and the thread count DuckDB ran with.
    /// </summary>
    private async Task<BaselineWrite> WriteFileAsync(string path, int rows, int rowGroupRows, int? threads)
    {
        using var result = JsonDocument.Parse(await RunAsync(_directory, "node", "bench.mjs", "write", path,
            "--rows", Text(rows), "--row-group-size", Text(rowGroupRows), "--threads", ThreadsText(threads)));
        var root = result.RootElement;
        return new BaselineWrite(root.GetProperty("seconds").GetDouble(), root.GetProperty("bytes").GetInt64(), root.GetProperty("threads").GetInt32());
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
