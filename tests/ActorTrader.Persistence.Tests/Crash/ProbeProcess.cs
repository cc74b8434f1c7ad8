using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using ActorTrader.Persistence.CrashProbe;
using ActorTrader.TestKit;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// One run of the crash probe as a child process: its stdout as parsed lines, in order, and a hard kill.
/// Lines already in the pipe when the process dies are still delivered (the probe wrote them, so they count).
/// </summary>
internal sealed class ProbeProcess : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private ProbeProcess(Process process)
    {
        _process = process;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public int Id => _process.Id;

    public static ProbeProcess Start(IEnumerable<string> arguments)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "ActorTrader.Persistence.CrashProbe.dll");
        if (!File.Exists(probe))
            throw new FileNotFoundException($"The crash probe {probe} is missing; the test project must reference tests/ActorTrader.Persistence.CrashProbe so the build copies it.", probe);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the crash probe {probe}.");
        return new ProbeProcess(process);
    }

    /// <summary>The next line; null once the process has exited and every line was read.</summary>
    public async Task<ProbeLine?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(TestKitBase.Dilated(LineTimeout));
        try
        {
            if (!await _lines.Reader.WaitToReadAsync(timeout.Token)) return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The crash probe (pid {Id}) printed nothing for {TestKitBase.Dilated(LineTimeout)}. Its stderr: {Stderr()}");
        }
        _lines.Reader.TryRead(out var line);
        return ProbeLine.Parse(line!);
    }

    /// <summary>Sends SIGKILL (Process.Kill is kill(pid, SIGKILL) on Unix): no shutdown hook, no flush, no finally block runs in the probe.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits for the killed process to exit and returns every line it wrote that was not read yet.</summary>
    public async Task<IReadOnlyList<ProbeLine>> DrainAfterExitAsync()
    {
        using var timeout = new CancellationTokenSource(TestKitBase.Dilated(LineTimeout));
        await _process.WaitForExitAsync(timeout.Token);
        await _stdoutPump.WaitAsync(timeout.Token);
        var rest = new List<ProbeLine>();
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token)) rest.Add(ProbeLine.Parse(line));
        return rest;
    }

    /// <summary>The exit code once the process ended on its own (its stdout closed).</summary>
    public async Task<int> WaitForExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TestKitBase.Dilated(LineTimeout));
        await _process.WaitForExitAsync(timeout.Token);
        await _stderrPump.WaitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public string Stderr()
    {
        lock (_stderr) return _stderr.Length == 0 ? "(empty)" : _stderr.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await Task.WhenAll(_stdoutPump, _stderrPump);
        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line) _lines.Writer.TryWrite(line);
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_stderr) _stderr.AppendLine(line);
        }
    }
}
