namespace ActorTrader.Parquet.Tests.Support;

/// <summary>Paths of the copied reference files (see TestData/parquet/README.md).</summary>
public static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "parquet", name);
}
