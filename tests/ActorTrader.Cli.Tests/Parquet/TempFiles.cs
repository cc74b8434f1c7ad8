namespace ActorTrader.Cli.Tests.Parquet;

/// <summary>A fresh temp directory for one test, deleted with its files on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actortrader-cli-parquet-" + Guid.NewGuid().ToString("N"));

    public TempFiles() => Directory.CreateDirectory(_directory);

    public string Path(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
