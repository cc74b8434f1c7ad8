using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests share: the one named by ACTORTRADER_TEST_POSTGRES (test.sh
/// starts one), or else a private throwaway server started with deploy/postgres/test-server.sh and
/// stopped at the end. Tests never skip: without a server they fail with the reason and the fix.
/// </summary>
public sealed partial class PostgresServerFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "ACTORTRADER_TEST_POSTGRES";
    private const string ScriptPath = "deploy/postgres/test-server.sh";

    private string? _script;
    private string? _serverDirectory;

    /// <summary>A connection string of a database in which the tests may create and drop schemas.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
        }
        else
        {
            _script = FindScript();
            _serverDirectory = Path.Combine(Path.GetTempPath(), $"actortrader-pg-{Guid.NewGuid():N}");
            var (exitCode, output, errors) = await RunScriptAsync("start", _serverDirectory);
            var export = ExportLine().Match(output);
            if (exitCode != 0 || !export.Success)
            {
                throw new InvalidOperationException(
                    $"Could not start a throwaway PostgreSQL server with `{_script} start {_serverDirectory}` (exit code {exitCode}): {errors.Trim()} {output.Trim()}. " +
                    $"Fix: install the Debian package postgresql (or run the tests as root so the script can), or set {EnvironmentVariable} to a server where the tests may create schemas.");
            }

            ConnectionString = export.Groups["value"].Value;
        }

        await CheckReachableAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_script is not null && _serverDirectory is not null)
        {
            var (exitCode, output, errors) = await RunScriptAsync("stop", _serverDirectory);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`{_script} stop {_serverDirectory}` failed (exit code {exitCode}): {errors.Trim()} {output.Trim()}");
            }
        }
    }

    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindScript()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "TestData", "postgres", "test-server.sh");
        if (File.Exists(copied))
        {
            return copied;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ScriptPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"{ScriptPath} was found neither in the test output ({copied}) nor above {AppContext.BaseDirectory}. Fix: set {EnvironmentVariable}, or run the tests from the repository (test.sh).");
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string command, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_script!);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run bash {_script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Installing the package on a fresh machine can take a few minutes; a start alone takes seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private async Task CheckReachableAsync()
    {
        try
        {
            await ExecuteAsync("SELECT 1");
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"The test PostgreSQL server ({new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}) does not answer: {ex.Message}. Fix: check {EnvironmentVariable} or the script's server log.", ex);
        }
    }

    [GeneratedRegex("^export " + EnvironmentVariable + "='(?<value>[^']*)'$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ExportLine();
}
