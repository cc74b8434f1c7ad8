using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Universe;

namespace ActorTrader.Trading.Tests.Universe;

public sealed class FeatureMatrixUniverseTests : IDisposable
{
    private static readonly Symbol[] Symbols = [Symbol.Parse("NYSE:AAA")];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actortrader-universe-tests", Guid.NewGuid().ToString("N"));

    public FeatureMatrixUniverseTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string MissingMatrix => Path.Combine(_directory, "features_matrix.parquet");

    private static UniverseSettings With(UniverseSource source) => UniverseSettings.Default with { Source = source };

    [Fact]
    public void Features_source_without_the_file_fails_naming_the_file_and_the_commands_that_write_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FeatureMatrixUniverse.Open(With(UniverseSource.Features), MissingMatrix, Symbols, TimeSpan.FromDays(1)));

        Assert.Contains(MissingMatrix, error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader ingest", error.Message, StringComparison.Ordinal);
        Assert.Contains("actortrader features backfill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_source_without_the_file_means_no_filter()
    {
        Assert.Null(FeatureMatrixUniverse.Open(With(UniverseSource.Auto), MissingMatrix, Symbols, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void None_source_never_reads_the_file()
    {
        // A file that is not parquet would fail to read: none must not open it.
        var notParquet = Path.Combine(_directory, "features_matrix.parquet");
        File.WriteAllText(notParquet, "not parquet");

        Assert.Null(FeatureMatrixUniverse.Open(With(UniverseSource.None), notParquet, Symbols, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Auto_source_with_an_unreadable_file_fails_naming_the_file()
    {
        var notParquet = Path.Combine(_directory, "features_matrix.parquet");
        File.WriteAllText(notParquet, "not parquet");

        var error = Assert.Throws<InvalidDataException>(() => FeatureMatrixUniverse.Open(With(UniverseSource.Auto), notParquet, Symbols, TimeSpan.FromDays(1)));
        Assert.Contains(notParquet, error.Message, StringComparison.Ordinal);
    }
}
