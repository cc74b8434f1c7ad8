using System.Diagnostics;
using System.Net.Http.Json;
using ActorTrader.Hosting.Management;
using ActorTrader.TestKit;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>A real node process (<c>dotnet ActorTrader.Node.dll --config FILE</c>), its output, and a clean stop.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public NodeEndpoint Endpoint { get; private set; } = null!;

    /// <summary>Everything the node printed so far (console log lines).</summary>
    public string Output
    {
        get
        {
            lock (_lines) return string.Join(Environment.NewLine, _lines);
        }
    }

    /// <summary>Starts a node (with <paramref name="arguments"/> after its --config) and waits until its endpoint file names it and <c>/health</c> answers.</summary>
    public static async Task<NodeProcess> StartAsync(NodeFixturePaths paths, IReadOnlyList<string>? arguments = null)
    {
        var process = Process.Start(ChildProcess.StartInfo("ActorTrader.Node.dll", paths.Root, ["--config", paths.ConfigFile, .. arguments ?? []]))
            ?? throw new InvalidOperationException("could not start the node");
        var node = new NodeProcess(process);
        try
        {
            await node.WaitUntilReadyAsync(paths.EndpointFile);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    private async Task WaitUntilReadyAsync(string endpointFile)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var limit = TestKitBase.Dilated(TimeSpan.FromSeconds(60));
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The node exited with {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            if (EndpointFile.Read(endpointFile) is { } endpoint && endpoint.Pid == _process.Id)
            {
                var health = await http.GetFromJsonAsync<HealthResponse>(new Uri(new Uri(endpoint.Url), "health"), ManagementJson.Options);
                if (health?.Status == "ok")
                {
                    Endpoint = endpoint;
                    return;
                }
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"The node was not ready within {limit.TotalSeconds:0} s:{Environment.NewLine}{Output}");
    }

    /// <summary>Sends SIGTERM and waits for the exit, at most <paramref name="within"/>; returns how long it took.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        PosixSignals.Send(_process.Id, PosixSignals.SigTerm);
        using var deadline = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(deadline.Token);
        return clock.Elapsed;
    }

    /// <summary>Sends SIGTERM without waiting.</summary>
    public void Signal() => PosixSignals.Send(_process.Id, PosixSignals.SigTerm);

    /// <summary>Waits for the exit, at most <paramref name="within"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>Waits until a condition on the node's output holds, or fails with the output.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        var limit = TestKitBase.Dilated(TimeSpan.FromSeconds(20));
        while (!condition(Output))
        {
            if (deadline.Elapsed > limit) throw new TimeoutException($"The node never printed {what}:{Environment.NewLine}{Output}");
            await Task.Delay(PollInterval);
        }
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
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
