using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Parallel;

/// <summary>Encoding a row group's columns concurrently writes exactly the file a sequential writer writes.</summary>
public sealed class ParallelWriteTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Parallel_writes_are_byte_identical_to_sequential_writes()
    {
        var random = new Random(9090);
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var schema = RandomColumns.Schema(random, 2 + random.Next(8));
            var options = new ParquetWriterOptions
            {
                Compression = (ParquetCompression)random.Next(3),
                DataPageVersion = 1 + random.Next(2),
                DataPageBytes = random.Next(2) == 0 ? 1000 : 1 << 20,
                WritePageChecksums = random.Next(2) == 0,
            };
            var groups = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => random.Next(2000))
                .Select(rows => schema.Fields.Select(f => RandomColumns.Column(random, f, rows, random.NextDouble() * 0.5, random.Next(2) == 0)).ToArray())
                .ToArray();

            var sequential = Write($"s{iteration}.parquet", schema, options with { MaxDegreeOfParallelism = 1 }, groups);
            var parallel = Write($"p{iteration}.parquet", schema, options with { MaxDegreeOfParallelism = 4 }, groups);

            Assert.True(File.ReadAllBytes(sequential).AsSpan().SequenceEqual(File.ReadAllBytes(parallel)), $"iteration {iteration}: schema {schema}, options {options}");
        }
    }

    [Fact]
    public void A_bad_value_in_a_parallel_write_is_reported_for_its_column_and_leaves_no_file()
    {
        var schema = new ParquetSchema(
            new ParquetField("id", ParquetColumnType.Int64),
            new ParquetField("price", ParquetColumnType.Decimal(9, 2)),
            new ParquetField("name", ParquetColumnType.String));
        var path = _directory.File("bad.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { MaxDegreeOfParallelism = 3 }))
        {
            var error = Assert.Throws<ParquetException>(() => writer.WriteRowGroup(
            [
                new ParquetColumn(schema.Fields[0], new[] { 1L, 2L }),
                new ParquetColumn(schema.Fields[1], new[] { 1.5m, 1.234m }),
                new ParquetColumn(schema.Fields[2], new[] { "a", "b" }),
            ]));
            Assert.Equal("price", error.Column);
            Assert.Equal(0, error.RowGroup);
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_degree_of_parallelism_below_one_is_rejected_when_the_writer_is_created()
    {
        var error = Assert.Throws<ParquetException>(() => ParquetFileWriter.Create(
            _directory.File("x.parquet"),
            new ParquetSchema(new ParquetField("id", ParquetColumnType.Int64)),
            new ParquetWriterOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Contains("MaxDegreeOfParallelism", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, ParquetSchema schema, ParquetWriterOptions options, ParquetColumn[][] groups)
    {
        var path = _directory.File(name);
        using var writer = ParquetFileWriter.Create(path, schema, options);
        foreach (var group in groups)
        {
            writer.WriteRowGroup(group);
        }

        writer.Complete();
        return path;
    }
}
