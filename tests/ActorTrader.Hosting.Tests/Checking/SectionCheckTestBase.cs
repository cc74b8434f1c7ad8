namespace ActorTrader.Hosting.Tests.Checking;

/// <summary>A node file in a temp directory with a data directory and one section under test, for config-check tests.</summary>
public abstract class SectionCheckTestBase : IDisposable
{
    protected TempDirectory Dir { get; } = new();

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes the node file with <paramref name="extra"/> inside <c>actortrader { }</c> and returns its path.</summary>
    protected string Config(string extra) => Dir.WriteConfig($$"""
        actortrader {
          node { name = "check", data-dir = "{{Dir.File("data")}}" }
          {{extra}}
        }
        """);
}
