using System.Diagnostics;
using System.Globalization;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// One peak-memory measurement in a process of its own: the benchmark starts itself again with
/// <see cref="Variable"/> set, the child ingests N symbols through the stream and writes its peaks to a file. A fresh
/// process is what makes the 1000- and 5000-symbol peaks comparable: in the parent, memory kept from the throughput
/// runs (JIT code, GC segments still committed) would sit under both and hide any growth.
/// </summary>
/// <param name="Lakehouse">A directory that does not exist yet; the parent deletes it with the rest of the suite's data.</param>
/// <param name="ResultFile">Where the child writes "peak working set bytes; peak managed bytes; bars written".</param>
internal sealed record IsolatedMemoryRun(int Symbols, int Years, string Lakehouse, string ResultFile)
{
    public const string Variable = "ACTORTRADER_INGEST_MEMORY_RUN";

    /// <summary>The run this process was started for, or null in the parent.</summary>
    public static IsolatedMemoryRun? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value)) return null;
        var parts = value.Split('|');
        if (parts.Length != 4) throw new InvalidOperationException($"{Variable}=\"{value}\" is not symbols|years|lakehouse|result-file; it is set by the ingest suite for its child runs only.");
        return new IsolatedMemoryRun(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3]);
    }

    /// <summary>Parent side: runs the child and returns its peaks in bytes.</summary>
    public async Task<(long WorkingSet, long Managed)> MeasureInChildAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable to start the memory runs."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as "dotnet ActorTrader.Benchmarks.dll" the host needs the assembly again; the apphost does not.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(IsolatedMemoryRun).Assembly.Location);
        start.ArgumentList.Add("ingest");
        start.Environment[Variable] = string.Join('|', Symbols.ToString(CultureInfo.InvariantCulture), Years.ToString(CultureInfo.InvariantCulture), Lakehouse, ResultFile);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} for the memory run.");
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        await output;
        if (child.ExitCode != 0 || !File.Exists(ResultFile))
            throw new InvalidOperationException($"The memory run for {Symbols} symbols exited with code {child.ExitCode}: {await errors}");
        var fields = (await File.ReadAllTextAsync(ResultFile)).Split(';');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Child side: one ingestion into a fresh lakehouse, peaks written to <see cref="ResultFile"/>.</summary>
    public async Task RunInThisProcessAsync()
    {
        await using var system = ActorSystem.Create("ingest-memory", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var materializer = system.Materializer();
        var workload = new IngestWorkload(Symbols, Years);
        var (workingSet, managed, bars) = await PeakMemory.WhileRunning(() => workload.RunStreamAsync(Lakehouse, system, materializer));
        await File.WriteAllTextAsync(ResultFile, string.Create(CultureInfo.InvariantCulture, $"{workingSet};{managed};{bars}"));
    }
}
