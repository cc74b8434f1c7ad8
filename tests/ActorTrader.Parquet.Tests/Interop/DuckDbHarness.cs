using System.Text.Json;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>
/// DuckDB (npm package @duckdb/node-api), an independent Parquet implementation, driven through the small
/// scripts in Interop/duckdb. The scripts are copied beside the test assembly; on first use their
/// node_modules are installed with <c>npm ci</c> from the committed package-lock.json. A failing install
/// fails the tests: interop is never silently skipped.
/// </summary>
public sealed class DuckDbHarness
{
    public DuckDbHarness()
    {
        ScriptsDirectory = Path.Combine(AppContext.BaseDirectory, "Interop", "duckdb");
        if (!File.Exists(Path.Combine(ScriptsDirectory, "package-lock.json")))
        {
            throw new InvalidOperationException(
                $"{ScriptsDirectory}/package-lock.json is missing: the test project must copy Interop/duckdb/** (without node_modules) to its output directory.");
        }
        if (!Directory.Exists(Path.Combine(ScriptsDirectory, "node_modules", "@duckdb", "node-api")))
        {
            try
            {
                NodeProcess.RunAsync(ScriptsDirectory, "npm", "ci", "--no-audit", "--no-fund").GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"Installing DuckDB for the interop tests failed (`npm ci --no-audit --no-fund` in {ScriptsDirectory}). " +
                    "Check that npm can reach its registry, or run that command by hand to see the full error.", e);
            }
        }
    }

    /// <summary>Where read.mjs, write.mjs and their node_modules live.</summary>
    public string ScriptsDirectory { get; }

    /// <summary>DuckDB reads <paramref name="parquetPath"/>; rows are in file order, values in canonical text.</summary>
    public async Task<DuckDbTable> ReadAsync(string parquetPath) =>
        Parse(await NodeProcess.RunAsync(ScriptsDirectory, "node", "read.mjs", parquetPath));

    /// <summary>DuckDB writes its all-types table to <paramref name="parquetPath"/> and returns the table it wrote, ordered by id.</summary>
    public async Task<DuckDbTable> WriteAsync(string parquetPath, DuckDbWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Parse(await NodeProcess.RunAsync(
            ScriptsDirectory, "node", "write.mjs", parquetPath,
            "--rows", options.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--compression", options.Compression,
            "--row-group-size", options.RowGroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--parquet-version", options.ParquetVersion));
    }

    private static DuckDbTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray()
            .Select(c => new DuckDbColumn(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!))
            .ToList();
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToArray())
            .ToList();
        var layout = root.GetProperty("layout");
        var chunks = layout.GetProperty("chunks").EnumerateArray()
            .Select(c => new DuckDbColumnChunk(
                c.GetProperty("column").GetString()!, c.GetProperty("encodings").GetString()!, c.GetProperty("compression").GetString()!))
            .ToList();
        return new DuckDbTable(
            root.GetProperty("duckdb").GetString()!, columns, rows, new DuckDbFileLayout(layout.GetProperty("rowGroups").GetInt32(), chunks));
    }
}
