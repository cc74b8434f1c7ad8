using ActorTrader.Data.Runs;
using ActorTrader.Hocon;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>
/// Where the sleeve tests find their copies of the shipped files (hocon/sleeves and data/samples, linked into the output
/// directory by the csproj), the node's reference configuration (embedded in ActorTrader.Hosting), and a fresh temporary
/// runs directory per use.
/// </summary>
internal static class SleeveTestFiles
{
    public static string SleevesDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "Sleeves", "hocon");

    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "Sleeves", "samples");

    public static Config Reference { get; } =
        ConfigurationFactory.FromResource(typeof(global::ActorTrader.Hosting.Configuration.ConfigLoader).Assembly, "reference.conf", new HoconParseOptions { UseEnvironment = false });

    /// <summary>The embedded default data: bundled samples, else synthetic (no lakehouse).</summary>
    public static PanelLoader EmbeddedData() =>
        new(new PanelDataSources(null, null, SamplesDirectory, "NYSE", 42, TimeProvider.System));

    public static TempDirectory TempRuns() => new();

    public static RunId FixedRun(string suffix = "0a0b0c") => RunId.Create(new DateTimeOffset(2026, 1, 5, 21, 0, 0, TimeSpan.Zero), suffix);
}

/// <summary>A temporary directory removed when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actortrader-sleeves-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
