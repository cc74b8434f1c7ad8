using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTrader.Trading.Host;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// One run of the real node process (<c>dotnet ActorTrader.Node.dll</c> next to the test assembly) with the series'
/// arguments, optionally armed with a crash point, or to be sent SIGKILL by the test as soon as it printed a number of
/// replay day lines (from the thread that reads its output, so the node gets as little further as possible).
/// </summary>
internal sealed partial class NodeRun : IAsyncDisposable
{
    /// <summary>What .NET reports as the exit code of a process ended by SIGKILL (128 + 9).</summary>
    public const int KilledExitCode = 137;

    private const int OutputTail = 80;

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly int? _killAfterDays;
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _daysCompleted;

    private NodeRun(Process process, int? killAfterDays)
    {
        _process = process;
        _killAfterDays = killAfterDays;
        process.OutputDataReceived += (_, e) => OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>A day line of the replay (ReplayRecorder.Line): "2022-09-01 day 1/80 NAV ... orders 3 fills 3".</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} day \d+/\d+ NAV ", RegexOptions.CultureInvariant)]
    private static partial Regex DayLine();

    /// <summary>True for a replay day line.</summary>
    public static bool IsDayLine(string line) => DayLine().IsMatch(line);

    public int Pid => _process.Id;

    /// <summary>Replay days this run completed (day lines printed).</summary>
    public int DaysCompleted => Volatile.Read(ref _daysCompleted);

    /// <summary>The last lines the node wrote on standard output and standard error, for failure messages.</summary>
    public string OutputTailText
    {
        get
        {
            lock (_output) return string.Join(Environment.NewLine, _output.Skip(Math.Max(0, _output.Count - OutputTail)));
        }
    }

    public string Output
    {
        get
        {
            lock (_output) return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>
    /// Starts the node in <paramref name="setup"/>'s directory; <paramref name="crashPoint"/> (name:n) arms its crash hook,
    /// <paramref name="killAfterDays"/> makes the test kill it once it printed that many day lines.
    /// </summary>
    public static NodeRun Start(CrashTestSetup setup, string? crashPoint, int? killAfterDays = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ActorTrader.Node.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("ActorTrader.Node.dll is not next to the test assembly; the test project must reference the node project.", dll);
        var start = new ProcessStartInfo("dotnet", [dll, .. setup.Arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = setup.Root,
        };
        // The developer's own configuration, credentials and crash settings must not leak into the node.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ACTORTRADER", StringComparison.Ordinal) || k.StartsWith("APCA_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        if (crashPoint is not null) start.Environment[CrashPoints.EnvironmentVariable] = crashPoint;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the node.");
        return new NodeRun(process, killAfterDays);
    }

    /// <summary>True once the test sent SIGKILL (after the day lines it was asked to wait for).</summary>
    public bool KilledByTest { get; private set; }

    /// <summary>Waits for the exit and for both output streams to be read to their end; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Node process {Pid} did not exit within {within.TotalSeconds:0} s:{Environment.NewLine}{OutputTailText}");
        }
        return _process.ExitCode;
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }
        Add(line);
        if (!IsDayLine(line)) return;
        if (Interlocked.Increment(ref _daysCompleted) != _killAfterDays) return;
        // SIGKILL: no shutdown hook, no flush, exactly like a power cut or the OOM killer.
        KilledByTest = true;
        _process.Kill();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            _stderrClosed.TrySetResult();
            return;
        }
        Add(line);
    }

    private void Add(string line)
    {
        lock (_output) _output.Add(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
