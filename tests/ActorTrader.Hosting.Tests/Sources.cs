using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Hosting.Tests;

/// <summary>Hermetic configuration sources: an explicit environment, never the test process's.</summary>
internal static class Sources
{
    public static ConfigSources For(TempDirectory directory, string configFile, IReadOnlyDictionary<string, string?>? environment = null, params string[] sets) => new()
    {
        ConfigFile = configFile,
        Environment = environment ?? new Dictionary<string, string?>(),
        WorkingDirectory = directory.Path,
        Sets = sets,
    };
}
