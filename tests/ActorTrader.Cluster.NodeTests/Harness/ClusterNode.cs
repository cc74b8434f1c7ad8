using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTrader.Node.Tests.EndToEnd;
using ActorTrader.TestKit;

namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>
/// One real node process of a test cluster. Every line it prints is kept with the moment it was read (on one stopwatch
/// shared by the test, so times of different nodes compare), and the test can wait for a line, or have the node killed
/// or paused from the reading thread the moment a line arrives.
/// </summary>
internal sealed partial class ClusterNode : IAsyncDisposable
{
    /// <summary>What .NET reports as the exit code of a process ended by SIGKILL (128 + 9).</summary>
    public const int KilledExitCode = 137;

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<TimeSpan> Seen)> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (Func<string, bool> Matches, int Signal, TaskCompletionSource<TimeSpan> Sent)? _trigger;

    private ClusterNode(string name, Process process, Stopwatch clock)
    {
        Name = name;
        _process = process;
        _clock = clock;
        process.OutputDataReceived += (_, e) => OnLine(e.Data, _stdoutClosed);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, _stderrClosed);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>A replay day line (ReplayRecorder): "2022-09-15 day 1/30 NAV … orders 3 fills 3".</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} day \d+/\d+ NAV ", RegexOptions.CultureInvariant)]
    public static partial Regex DayLine();

    /// <summary>"Cluster: lease trading/account-paper taken at epoch 3; …"</summary>
    [GeneratedRegex(@"^Cluster: lease (?<lease>\S+) taken at epoch (?<epoch>\d+)", RegexOptions.CultureInvariant)]
    public static partial Regex LeaseTakenLine();

    public static bool IsTradingReady(string line) => line.StartsWith("Cluster: trading ready on ", StringComparison.Ordinal);

    public static ClusterNode Start(string name, string workingDirectory, IReadOnlyList<string> arguments, Stopwatch clock)
    {
        var process = Process.Start(ChildProcess.StartInfo("ActorTrader.Node.dll", workingDirectory, arguments))
            ?? throw new InvalidOperationException("dotnet did not start the node.");
        return new ClusterNode(name, process, clock);
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines.Select(l => l.Line)];
        }
    }

    public string Output => string.Join(Environment.NewLine, Lines.Select(l => $"[{Name}] {l}"));

    public int DayLines => Lines.Count(l => DayLine().IsMatch(l));

    /// <summary>The epoch of the last lease this node reported taking; null when it took none.</summary>
    public long? LeaseEpoch => Lines.Select(l => LeaseTakenLine().Match(l)).LastOrDefault(m => m.Success) is { } m ? long.Parse(m.Groups["epoch"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Completes with the moment (test stopwatch) of the first line, already read or still to come, that matches.</summary>
    public Task<TimeSpan> WhenLineAsync(Func<string, bool> matches, TimeSpan within, string what)
    {
        TaskCompletionSource<TimeSpan> seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            foreach (var (at, line) in _lines)
            {
                if (matches(line)) return Task.FromResult(at);
            }
            _waiters.Add((matches, seen));
        }
        return WaitAsync(seen.Task, within, what);
    }

    /// <summary>Sends <paramref name="signal"/> from the reading thread as soon as a line matches; completes with that moment.</summary>
    public Task<TimeSpan> SignalOnLineAsync(Func<string, bool> matches, int signal, TimeSpan within, string what)
    {
        var sent = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines) _trigger = (matches, signal, sent);
        return WaitAsync(sent.Task, within, what);
    }

    public TimeSpan Signal(int signal)
    {
        PosixSignals.Send(_process.Id, signal);
        return _clock.Elapsed;
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(TestKitBase.Dilated(within));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Node {Name} (pid {Pid}) did not exit within {within.TotalSeconds:0} s:{Environment.NewLine}{Tail()}");
        }
        return _process.ExitCode;
    }

    public string Tail(int lines = 60) => string.Join(Environment.NewLine, Lines.TakeLast(lines).Select(l => $"[{Name}] {l}"));

    private async Task<TimeSpan> WaitAsync(Task<TimeSpan> task, TimeSpan within, string what)
    {
        try
        {
            return await task.WaitAsync(TestKitBase.Dilated(within));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Node {Name} did not show {what} within {within.TotalSeconds:0} s:{Environment.NewLine}{Tail()}");
        }
    }

    private void OnLine(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        var at = _clock.Elapsed;
        List<TaskCompletionSource<TimeSpan>> matched = [];
        lock (_lines)
        {
            _lines.Add((at, line));
            if (_trigger is { } trigger && trigger.Matches(line))
            {
                // From the reading thread: the node gets as little further as possible.
                _trigger = null;
                PosixSignals.Send(_process.Id, trigger.Signal);
                matched.Add(trigger.Sent);
            }
            foreach (var waiter in _waiters.Where(w => w.Matches(line)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Seen);
            }
        }
        foreach (var done in matched) done.TrySetResult(at);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
