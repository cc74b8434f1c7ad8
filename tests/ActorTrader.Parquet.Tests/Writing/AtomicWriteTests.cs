using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Writing;

/// <summary>Files appear at their path only when complete: written under a temporary name, fsynced, renamed.</summary>
public sealed class AtomicWriteTests : IDisposable
{
    private static readonly ParquetField Field = new("x", ParquetColumnType.Int32);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Nothing_is_at_the_path_until_complete()
    {
        var path = _directory.File("a.parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(Field));
        writer.WriteRowGroup([new ParquetColumn(Field, new[] { 1, 2, 3 })]);
        Assert.False(File.Exists(path));
        writer.Complete();
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_disposed_writer_without_complete_leaves_no_file_behind()
    {
        var path = _directory.File("b.parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(Field)))
        {
            writer.WriteRowGroup([new ParquetColumn(Field, new[] { 1 })]);
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_untouched()
    {
        var path = _directory.File("c.parquet");
        ParquetTable.WriteRows(path, new ParquetSchema(Field), [[7]]);
        var before = File.ReadAllBytes(path);
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(Field)))
        {
            Assert.Throws<ParquetException>(() => writer.WriteRowGroup([new ParquetColumn(Field, new long[] { 1 })]));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Complete_replaces_an_existing_file()
    {
        var path = _directory.File("d.parquet");
        ParquetTable.WriteRows(path, new ParquetSchema(Field), [[1]]);
        ParquetTable.WriteRows(path, new ParquetSchema(Field), [[2], [3]]);
        var (_, rows) = ParquetTable.ReadRows(path);
        Assert.Equal([2, 3], rows.Select(r => (int)r[0]!));
        Assert.Single(Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void A_writer_cannot_be_used_after_complete()
    {
        var path = _directory.File("e.parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(Field));
        writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.WriteRowGroup([new ParquetColumn(Field, new[] { 1 })]));
    }

    [Fact]
    public void An_empty_file_with_no_row_groups_is_valid()
    {
        var path = _directory.File("f.parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(Field)))
        {
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(0, reader.Metadata.NumRows);
    }
}
