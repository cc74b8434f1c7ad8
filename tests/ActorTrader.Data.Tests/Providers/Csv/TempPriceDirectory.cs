namespace ActorTrader.Data.Tests.Providers.Csv;

/// <summary>A temporary directory of price files, deleted on dispose.</summary>
internal sealed class TempPriceDirectory : IDisposable
{
    public TempPriceDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actortrader-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TempPriceDirectory With(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public TempPriceDirectory WithBytes(string fileName, byte[] content)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
