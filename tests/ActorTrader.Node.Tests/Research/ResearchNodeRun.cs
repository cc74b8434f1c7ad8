using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTrader.Node.Tests.EndToEnd;

namespace ActorTrader.Node.Tests.Research;

/// <summary>
/// One run of the real node process on a <see cref="ResearchNodeSetup"/>. It watches the node's console log: each
/// generation line (written once the generation's event is journaled) is counted, and with a kill planned the test sends
/// SIGKILL from the thread that reads the line that reaches it, so the node is cut off in the middle of the next generation.
/// </summary>
internal sealed partial class ResearchNodeRun : IAsyncDisposable
{
    /// <summary>What .NET reports as the exit code of a process ended by SIGKILL (128 + 9).</summary>
    public const int KilledExitCode = 137;

    private const int OutputTail = 60;

    private readonly Process _process;
    private readonly int? _killAfterGenerations;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _generations;

    private ResearchNodeRun(Process process, int? killAfterGenerations)
    {
        _process = process;
        _killAfterGenerations = killAfterGenerations;
        process.OutputDataReceived += (_, e) => OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The population's line after a journaled generation (PopulationActor.LogGeneration).</summary>
    [GeneratedRegex(@"\] Population \S+ generation \d+: best ", RegexOptions.CultureInvariant)]
    private static partial Regex GenerationLine();

    /// <summary>The node's line once its management API listens and its endpoint file is written.</summary>
    [GeneratedRegex(@"\] Node \S+ started with roles ", RegexOptions.CultureInvariant)]
    private static partial Regex ReadyLine();

    /// <summary>The population's line when its run reached the generation limit.</summary>
    [GeneratedRegex(@"\] Population \S+ run \S+ completed its \d+ generations", RegexOptions.CultureInvariant)]
    private static partial Regex CompletedLine();

    public int Pid => _process.Id;

    /// <summary>Generation lines this run printed.</summary>
    public int Generations => Volatile.Read(ref _generations);

    /// <summary>True once the test sent SIGKILL.</summary>
    public bool KilledByTest { get; private set; }

    /// <summary>Completes when the node printed that the run reached its generation limit.</summary>
    public Task Completed => _completed.Task;

    public string OutputTailText
    {
        get
        {
            lock (_output) return string.Join(Environment.NewLine, _output.Skip(Math.Max(0, _output.Count - OutputTail)));
        }
    }

    /// <summary>Starts the node; with <paramref name="killAfterGenerations"/> it is sent SIGKILL as soon as it printed that many generation lines.</summary>
    public static ResearchNodeRun Start(ResearchNodeSetup setup, int? killAfterGenerations = null)
    {
        var process = Process.Start(ChildProcess.StartInfo("ActorTrader.Node.dll", setup.Root, ["--config", setup.ConfigFile]))
            ?? throw new InvalidOperationException("dotnet did not start the node.");
        return new ResearchNodeRun(process, killAfterGenerations);
    }

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

    /// <summary>Waits until the run reached its generation limit and the management API is up; fails with the node's output if it exits first or takes longer than <paramref name="within"/>.</summary>
    public async Task WaitForCompletionAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            var both = Task.WhenAll(_ready.Task, Completed);
            if (await Task.WhenAny(both, exited).WaitAsync(deadline.Token) != both)
                throw new InvalidOperationException($"Node process {Pid} exited with {_process.ExitCode} before its run completed:{Environment.NewLine}{OutputTailText}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Node process {Pid} did not complete its run within {within.TotalSeconds:0} s:{Environment.NewLine}{OutputTailText}");
        }
    }

    /// <summary>Sends SIGTERM and returns the exit code once the node stopped.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        PosixSignals.Send(_process.Id, PosixSignals.SigTerm);
        return await WaitForExitAsync(within);
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }
        Add(line);
        if (ReadyLine().IsMatch(line)) _ready.TrySetResult();
        if (CompletedLine().IsMatch(line)) _completed.TrySetResult();
        if (!GenerationLine().IsMatch(line)) return;
        if (Interlocked.Increment(ref _generations) != _killAfterGenerations) return;
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
