using System.Diagnostics;

namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>Starts <c>dotnet &lt;dll&gt; args</c> next to the test assembly, with a hermetic environment, capturing its output.</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo StartInfo(string dll, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        if (!File.Exists(path)) throw new FileNotFoundException($"{dll} is not next to the test assembly; the test project must reference its project.", path);
        var start = new ProcessStartInfo("dotnet", [path, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // The developer's own configuration and credentials must not leak into the test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ACTORTRADER", StringComparison.Ordinal) || k.StartsWith("APCA_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }
}
