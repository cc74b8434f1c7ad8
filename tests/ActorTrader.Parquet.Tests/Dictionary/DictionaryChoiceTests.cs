using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Dictionary;

/// <summary>
/// The writer dictionary-encodes a column when dictionary page + bit-packed indices are smaller than PLAIN,
/// judged over the whole chunk (not its first rows), and reads every dictionary back exactly.
/// </summary>
public sealed class DictionaryChoiceTests : IDisposable
{
    private static readonly ParquetField Price = new("price", ParquetColumnType.Double);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Time_sorted_prices_that_only_repeat_later_in_the_chunk_are_dictionary_encoded()
    {
        // 500 symbols per minute with prices unique within the first minutes, repeating over the day (as bars do).
        var prices = Enumerable.Range(0, 200_000).Select(i => 100 + (i % 500) + (i / 500 % 50) * 0.01).ToArray();

        var encodings = WriteAndReadEncodings(prices, new ParquetWriterOptions());

        Assert.Contains("RleDictionary", encodings);
    }

    [Fact]
    public void Distinct_doubles_are_written_plain()
    {
        var random = new Random(1);
        var prices = Enumerable.Range(0, 50_000).Select(_ => random.NextDouble()).ToArray();

        var encodings = WriteAndReadEncodings(prices, new ParquetWriterOptions());

        Assert.DoesNotContain("RleDictionary", encodings);
    }

    [Fact]
    public void A_dictionary_larger_than_dictionary_max_bytes_falls_back_to_plain()
    {
        var prices = Enumerable.Range(0, 100_000).Select(i => (double)(i % 2000)).ToArray();

        var encodings = WriteAndReadEncodings(prices, new ParquetWriterOptions { DictionaryMaxBytes = 1000 * 8 });

        Assert.DoesNotContain("RleDictionary", encodings);
    }

    [Fact]
    public void Row_groups_with_dictionaries_of_different_sizes_read_back_exactly_one_after_another()
    {
        // Read dictionaries are pooled buffers: a small one read after a large one must not see its entries.
        var field = new ParquetField("symbol", ParquetColumnType.String);
        int[] cardinalities = [3000, 2, 700, 1, 3000];
        var groups = cardinalities.Select((n, g) => Enumerable.Range(0, 20_000).Select(i => $"g{g}-s{i % n}").ToArray()).ToArray();
        var path = _directory.File("symbols.parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(field)))
        {
            foreach (var group in groups)
            {
                writer.WriteRowGroup([new ParquetColumn(field, group)]);
            }

            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        for (var g = 0; g < groups.Length; g++)
        {
            Assert.Contains("RleDictionary", reader.Metadata.RowGroups[g].Columns[0].Encodings);
            Assert.Equal(groups[g], (string[])reader.ReadColumn(g, "symbol").Values);
        }
    }

    private IReadOnlyList<string> WriteAndReadEncodings(double[] prices, ParquetWriterOptions options)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(Price), options))
        {
            writer.WriteRowGroup([new ParquetColumn(Price, prices)]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(prices, (double[])reader.ReadColumn(0, "price").Values);
        return reader.Metadata.RowGroups[0].Columns[0].Encodings;
    }
}
