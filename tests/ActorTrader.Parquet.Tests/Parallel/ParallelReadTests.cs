using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Parallel;

/// <summary>Decoding a row group's columns concurrently gives exactly what decoding them one by one gives.</summary>
public sealed class ParallelReadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Parallel_row_group_reads_equal_sequential_reads_for_random_tables()
    {
        var random = new Random(4242);
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var schema = RandomColumns.Schema(random, 2 + random.Next(8));
            var path = RandomFile(random, schema, [1 + random.Next(3000), random.Next(3000)], $"t{iteration}.parquet");
            using var reader = ParquetFileReader.Open(path);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var sequential = reader.ReadRowGroup(g, new ParquetReadOptions { MaxDegreeOfParallelism = 1 });
                var parallel = reader.ReadRowGroup(g, new ParquetReadOptions { MaxDegreeOfParallelism = 4 });
                for (var c = 0; c < schema.Fields.Count; c++)
                {
                    ValueComparison.AssertSameColumn(sequential[c].Values, parallel[c].Values, $"iteration {iteration}, group {g}, column {schema.Fields[c]}");
                }
            }
        }
    }

    [Fact]
    public void A_corrupt_chunk_read_in_parallel_is_reported_for_its_column()
    {
        var schema = new ParquetSchema(
            new ParquetField("a", ParquetColumnType.Int64),
            new ParquetField("b", ParquetColumnType.Int64),
            new ParquetField("c", ParquetColumnType.Int64));
        var path = _directory.File("corrupt.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { Compression = ParquetCompression.None, WritePageChecksums = true }))
        {
            writer.WriteRowGroup(schema.Fields.Select(f => new ParquetColumn(f, Enumerable.Range(0, 1000).Select(i => (long)i * i).ToArray())).ToArray());
            writer.Complete();
        }

        var offsetOfB = FooterSurgery.Read(path).RowGroups[0].Columns[1].MetaData!.DataPageOffset;
        var bytes = File.ReadAllBytes(path);
        bytes[offsetOfB + 100] ^= 0xFF; // inside b's first page body: its CRC no longer matches
        File.WriteAllBytes(path, bytes);

        using var damaged = ParquetFileReader.Open(path);
        var error = Assert.Throws<ParquetException>(() => damaged.ReadRowGroup(0, new ParquetReadOptions { MaxDegreeOfParallelism = 3 }));
        Assert.Equal("b", error.Column);
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_into_the_previous_row_groups_arrays_reuses_them_and_reads_the_same_values()
    {
        var random = new Random(7);
        var schema = RandomColumns.Schema(random, 8);
        var path = RandomFile(random, schema, [500, 500, 500], "reuse.parquet");
        using var reader = ParquetFileReader.Open(path);
        IReadOnlyList<ParquetColumn> previous = reader.ReadRowGroupInto(0, []);
        for (var g = 1; g < reader.RowGroupCount; g++)
        {
            var expected = reader.ReadRowGroup(g);
            var reused = reader.ReadRowGroupInto(g, previous);
            for (var c = 0; c < schema.Fields.Count; c++)
            {
                Assert.Same(previous[c].Values, reused[c].Values);
                ValueComparison.AssertSameColumn(expected[c].Values, reused[c].Values, $"group {g}, column {schema.Fields[c]}");
            }

            previous = reused;
        }
    }

    [Fact]
    public void A_reused_nullable_array_holds_nulls_where_the_new_row_group_has_them()
    {
        var field = new ParquetField("x", ParquetColumnType.Double, Nullable: true);
        var path = _directory.File("nulls.parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(field)))
        {
            writer.WriteRowGroup([new ParquetColumn(field, new double?[] { 1, 2, 3, 4 })]);
            writer.WriteRowGroup([new ParquetColumn(field, new double?[] { null, 20, null, 40 })]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        var first = reader.ReadRowGroup(0);
        var second = reader.ReadRowGroupInto(1, first);

        Assert.Same(first[0].Values, second[0].Values);
        Assert.Equal(new double?[] { null, 20, null, 40 }, (double?[])second[0].Values);
    }

    [Fact]
    public void Arrays_of_another_length_are_not_reused()
    {
        var field = new ParquetField("x", ParquetColumnType.Int32);
        var path = _directory.File("lengths.parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(field)))
        {
            writer.WriteRowGroup([new ParquetColumn(field, new[] { 1, 2, 3 })]);
            writer.WriteRowGroup([new ParquetColumn(field, new[] { 4, 5 })]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        var first = reader.ReadRowGroup(0);
        var second = reader.ReadRowGroupInto(1, first);

        Assert.NotSame(first[0].Values, second[0].Values);
        Assert.Equal(new[] { 4, 5 }, (int[])second[0].Values);
        Assert.Equal(new[] { 1, 2, 3 }, (int[])first[0].Values);
    }

    [Fact]
    public void One_array_offered_for_two_columns_backs_only_one_of_them()
    {
        var a = new ParquetField("a", ParquetColumnType.Int32);
        var b = new ParquetField("b", ParquetColumnType.Int32);
        var path = _directory.File("shared.parquet");
        ParquetTable.WriteRows(path, new ParquetSchema(a, b), [[1, 10], [2, 20]]);
        var shared = new int[2];

        using var reader = ParquetFileReader.Open(path);
        var read = reader.ReadRowGroupInto(0, [new ParquetColumn(a, shared), new ParquetColumn(b, shared)]);

        Assert.Equal(new[] { 1, 2 }, (int[])read[0].Values);
        Assert.Equal(new[] { 10, 20 }, (int[])read[1].Values);
        Assert.NotSame(read[0].Values, read[1].Values);
    }

    [Fact]
    public void A_degree_of_parallelism_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetReadOptions { MaxDegreeOfParallelism = 0 });
    }

    private string RandomFile(Random random, ParquetSchema schema, int[] groups, string name)
    {
        var path = _directory.File(name);
        using var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { DataPageBytes = 1000, MaxDegreeOfParallelism = 1 });
        foreach (var rows in groups)
        {
            writer.WriteRowGroup(schema.Fields.Select(f => RandomColumns.Column(random, f, rows, random.NextDouble() * 0.5, random.Next(2) == 0)).ToArray());
        }

        writer.Complete();
        return path;
    }
}
