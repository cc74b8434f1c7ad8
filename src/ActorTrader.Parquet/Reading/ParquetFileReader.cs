using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Reading;
using ActorTrader.Parquet.Schema;
using ActorTrader.Parquet.Thrift;
using Microsoft.Win32.SafeHandles;

namespace ActorTrader.Parquet;

/// <summary>
/// Reads a Parquet file column chunk by column chunk: only the footer is kept in memory, and each
/// <see cref="ReadColumn"/> reads just that chunk's byte range from disk.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private static readonly ParquetReadOptions DefaultReadOptions = new();
    private readonly string _path;
    private readonly SafeFileHandle _handle;
    private readonly FileMetaData _footer;
    private readonly List<ColumnDescriptor> _leaves;
    private readonly List<ColumnDescriptor> _fields;
    private readonly long _dataEnd;

    private ParquetFileReader(string path, SafeFileHandle handle, FileMetaData footer, List<ColumnDescriptor> leaves, long dataEnd)
    {
        _path = path;
        _handle = handle;
        _footer = footer;
        _leaves = leaves;
        _fields = leaves.Where(l => l.Field is not null).ToList();
        _dataEnd = dataEnd;
        Schema = new ParquetSchema(_fields.Select(l => l.Field!).ToArray());
        UnsupportedColumns = leaves.Where(l => l.Field is null).Select(l => $"{l.Name}: {l.UnsupportedReason}").ToArray();
        Metadata = BuildMetadata();
    }

    /// <summary>The readable (flat or struct-member) columns, in file order.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Footer facts and per-row-group statistics; <c>RowGroups[i].Columns[j]</c> matches <c>Schema.Fields[j]</c>.</summary>
    public ParquetFileMetadata Metadata { get; }

    /// <summary>Leaf columns this reader cannot decode (maps, nested lists, exotic types), each as "path: reason".</summary>
    public IReadOnlyList<string> UnsupportedColumns { get; }

    public int RowGroupCount => _footer.RowGroups.Count;

    /// <summary>Opens <paramref name="path"/> and parses its footer; throws <see cref="ParquetException"/> when it is not valid Parquet.</summary>
    public static ParquetFileReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParquetException($"cannot open the file ({e.Message})", path, null, null, e);
        }

        try
        {
            var (footer, dataEnd) = ReadFooter(path, handle);
            List<ColumnDescriptor> leaves;
            try
            {
                leaves = SchemaMapping.ReadLeaves(footer.Schema);
            }
            catch (FormatException e)
            {
                throw new ParquetException($"the footer's schema is invalid: {e.Message}; the file is corrupt", path, null, null, e);
            }

            ValidateRowGroups(path, footer, leaves, dataEnd);
            return new ParquetFileReader(path, handle, footer, leaves, dataEnd);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads one column chunk: <c>T[]</c> for required columns, <c>T?[]</c> or a reference array with nulls for nullable ones.</summary>
    public ParquetColumn ReadColumn(int rowGroup, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckRowGroup(rowGroup, name);
        // List columns are named after their top-level field ("e"), not their leaf path ("e.list.element").
        var leaf = _leaves.Find(l => string.Equals(l.Field?.Name ?? l.Name, name, StringComparison.Ordinal))
            ?? _leaves.Find(l => string.Equals(l.Name, name, StringComparison.Ordinal))
            ?? throw new ParquetException($"there is no column '{name}'; the file has {string.Join(", ", _leaves.Select(l => l.Name))}", _path, rowGroup, name);
        return ReadLeaf(rowGroup, leaf);
    }

    /// <summary>Reads every readable column of a row group, in schema order, decoding columns in parallel (see <see cref="ParquetReadOptions"/>).</summary>
    public IReadOnlyList<ParquetColumn> ReadRowGroup(int rowGroup) => ReadRowGroup(rowGroup, null);

    /// <summary>Reads every readable column of a row group, in schema order, with <paramref name="options"/> (defaults when null).</summary>
    public IReadOnlyList<ParquetColumn> ReadRowGroup(int rowGroup, ParquetReadOptions? options)
    {
        CheckRowGroup(rowGroup, null);
        return ReadLeaves(rowGroup, new Array?[_fields.Count], options ?? DefaultReadOptions);
    }

    /// <summary>
    /// Reads every readable column of a row group like <see cref="ReadRowGroup(int, ParquetReadOptions?)"/>, but
    /// decodes into the arrays of <paramref name="reuse"/> (columns from an earlier read whose values the caller
    /// no longer needs) wherever one has the same field and exactly this row group's row count; other columns get
    /// new arrays. Scanning a file this way allocates one row group's arrays instead of one set per row group.
    /// The returned columns may share arrays with <paramref name="reuse"/>; if the read fails, their contents are undefined.
    /// </summary>
    public IReadOnlyList<ParquetColumn> ReadRowGroupInto(int rowGroup, IReadOnlyList<ParquetColumn> reuse, ParquetReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reuse);
        CheckRowGroup(rowGroup, null);
        var rows = (int)_footer.RowGroups[rowGroup].NumRows;
        var targets = new Array?[_fields.Count];
        var taken = new HashSet<Array>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _fields.Count; i++)
        {
            var leaf = _fields[i];
            var arrayType = leaf.Codec!.ShapeInfo(leaf.MaxDefinitionLevel > 0).ArrayType;
            var match = reuse.FirstOrDefault(c => c is not null && c.Field == leaf.Field && c.Values.Length == rows && c.Values.GetType() == arrayType)?.Values;

            // One array backs at most one column, even if the caller listed it under two fields: columns decode concurrently.
            targets[i] = match is not null && taken.Add(match) ? match : null;
        }

        return ReadLeaves(rowGroup, targets, options ?? DefaultReadOptions);
    }

    /// <summary>
    /// Row groups whose statistics for <paramref name="column"/> may hold values in [min, max]
    /// (either bound may be null for open ranges). Groups without statistics are always kept.
    /// </summary>
    public IEnumerable<int> RowGroupsOverlapping(string column, IComparable? min, IComparable? max)
    {
        var index = Schema.IndexOf(column);
        if (index < 0)
        {
            throw new ParquetException($"there is no column '{column}' to filter on; the file has {string.Join(", ", Schema.Fields.Select(f => f.Name))}", _path, null, column);
        }

        if (Schema.Fields[index].Type.Kind == ParquetTypeKind.List)
        {
            throw new ParquetException("list columns cannot filter row groups (their statistics describe elements, not rows); filter on a flat column", _path, null, column);
        }

        var type = Schema.Fields[index].Type.ClrType;
        var low = Coerce(min, type, column);
        var high = Coerce(max, type, column);

        // Statistics follow the column's sort order (UTF-8 bytes for strings, unsigned for unsigned integers), so bounds must too.
        var codec = _fields[index].Codec!;
        return Enumerable.Range(0, RowGroupCount).Where(g =>
        {
            var stats = Metadata.RowGroups[g].Columns[index];
            if (stats.Min is null || stats.Max is null)
            {
                return true;
            }

            if (high is not null && codec.CompareValues(stats.Min, high) > 0)
            {
                return false;
            }

            return low is null || codec.CompareValues(stats.Max, low) >= 0;
        }).ToArray();
    }

    public void Dispose() => _handle.Dispose();

    private object? Coerce(IComparable? value, Type type, string column)
    {
        if (value is null || value.GetType() == type)
        {
            return value;
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
        {
            try
            {
                return Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
            {
                throw new ParquetException($"the bound {value} ({value.GetType().Name}) cannot be compared with {type.Name} values; pass a {type.Name}", _path, null, column, e);
            }
        }

        throw new ParquetException($"the bound {value} ({value.GetType().Name}) cannot be compared with {type.Name} values; pass a {type.Name}", _path, null, column);
    }

    private void CheckRowGroup(int rowGroup, string? column)
    {
        if (rowGroup < 0 || rowGroup >= RowGroupCount)
        {
            throw new ParquetException($"row group {rowGroup} does not exist; the file has {RowGroupCount} (0..{RowGroupCount - 1})", _path, rowGroup, column);
        }
    }

    private ParquetColumn[] ReadLeaves(int rowGroup, Array?[] targets, ParquetReadOptions options)
    {
        var columns = new ParquetColumn[_fields.Count];
        var parallelism = Math.Min(options.MaxDegreeOfParallelism, _fields.Count);
        if (parallelism <= 1)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = ReadLeaf(rowGroup, _fields[i], targets[i]);
            }

            return columns;
        }

        // Each column chunk is an independent byte range (positional reads on a shared handle), so
        // chunks decode concurrently; errors are rethrown in schema order so the reported column is stable.
        var failures = new ExceptionDispatchInfo?[columns.Length];
        Parallel.For(0, columns.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            try
            {
                columns[i] = ReadLeaf(rowGroup, _fields[i], targets[i]);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        Array.Find(failures, f => f is not null)?.Throw();
        return columns;
    }

    private ParquetColumn ReadLeaf(int rowGroup, ColumnDescriptor leaf, Array? target = null)
    {
        if (leaf.Field is null || leaf.Codec is null)
        {
            throw new ParquetException($"the column cannot be read: {leaf.UnsupportedReason}", _path, rowGroup, leaf.Name);
        }

        var group = _footer.RowGroups[rowGroup];
        var meta = group.Columns[leaf.LeafIndex].MetaData!;
        if (!PageCompression.IsSupported(meta.Codec))
        {
            throw new ParquetException($"the column chunk is compressed with {meta.Codec.ToString().ToUpperInvariant()}, which this reader does not support; rewrite the file with SNAPPY, GZIP or no compression", _path, rowGroup, leaf.Name);
        }

        var (start, length) = ChunkRange(meta);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            ReadExactly(start, buffer.AsSpan(0, length), rowGroup, leaf.Name);
            var values = leaf.Codec.ReadChunk(new ChunkReadContext(leaf, meta, buffer, length, (int)group.NumRows, target));
            return new ParquetColumn(leaf.Field, values);
        }
        catch (Exception e) when (e is ParquetDataException or ThriftFormatException or InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new ParquetException($"{e.Message}", _path, rowGroup, leaf.Name, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReadExactly(long offset, Span<byte> destination, int rowGroup, string column)
    {
        var total = 0;
        while (total < destination.Length)
        {
            int read;
            try
            {
                read = RandomAccess.Read(_handle, destination[total..], offset + total);
            }
            catch (IOException e)
            {
                throw new ParquetException($"reading {destination.Length} bytes at offset {offset} failed ({e.Message})", _path, rowGroup, column, e);
            }

            if (read == 0)
            {
                throw new ParquetException($"the file ends before the column chunk at offset {offset} ({destination.Length} bytes); it is truncated", _path, rowGroup, column);
            }

            total += read;
        }
    }

    private static (long Start, int Length) ChunkRange(ColumnMetaData meta)
    {
        var start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is > 0 and var dictionary && dictionary < start)
        {
            start = dictionary;
        }

        return (start, (int)meta.TotalCompressedSize);
    }

    private static (FileMetaData Footer, long DataEnd) ReadFooter(string path, SafeFileHandle handle)
    {
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength < 12)
        {
            throw new ParquetException($"the file has {fileLength} bytes, fewer than the 12 of an empty Parquet file; it is truncated or not Parquet", path, null, null);
        }

        Span<byte> head = stackalloc byte[4];
        RandomAccess.Read(handle, head, 0);
        if (!head.SequenceEqual(Magic))
        {
            throw new ParquetException("the file does not start with the Parquet magic 'PAR1'; it is not a Parquet file", path, null, null);
        }

        Span<byte> tail = stackalloc byte[8];
        RandomAccess.Read(handle, tail, fileLength - 8);
        if (tail[4..].SequenceEqual("PARE"u8))
        {
            throw new ParquetException("the file has an encrypted footer ('PARE'); encrypted Parquet is not supported", path, null, null);
        }

        if (!tail[4..].SequenceEqual(Magic))
        {
            throw new ParquetException("the file does not end with the Parquet magic 'PAR1'; it is truncated or was not closed by its writer", path, null, null);
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > fileLength - 12)
        {
            throw new ParquetException($"the footer length {footerLength} is outside 1..{fileLength - 12} for a {fileLength}-byte file; the file is corrupt", path, null, null);
        }

        var footerBytes = new byte[footerLength];
        var dataEnd = fileLength - 8 - footerLength;
        var read = 0;
        while (read < footerLength)
        {
            var n = RandomAccess.Read(handle, footerBytes.AsSpan(read), dataEnd + read);
            if (n == 0)
            {
                throw new ParquetException("the file ends inside its footer; it is truncated", path, null, null);
            }

            read += n;
        }

        try
        {
            var reader = new CompactReader(footerBytes);
            return (FileMetaData.Read(ref reader), dataEnd);
        }
        catch (ThriftFormatException e)
        {
            throw new ParquetException($"the footer metadata is corrupt Thrift ({e.Message})", path, null, null, e);
        }
    }

    private static void ValidateRowGroups(string path, FileMetaData footer, List<ColumnDescriptor> leaves, long dataEnd)
    {
        for (var g = 0; g < footer.RowGroups.Count; g++)
        {
            var group = footer.RowGroups[g];
            if (group.Columns.Count != leaves.Count)
            {
                throw new ParquetException($"the row group has {group.Columns.Count} column chunks but the schema has {leaves.Count} columns; the footer is corrupt", path, g, null);
            }

            if (group.NumRows < 0 || group.NumRows > int.MaxValue)
            {
                throw new ParquetException($"the row group claims {group.NumRows} rows; the footer is corrupt", path, g, null);
            }

            for (var c = 0; c < leaves.Count; c++)
            {
                var chunk = group.Columns[c];
                var name = leaves[c].Name;
                if (chunk.FilePath is not null)
                {
                    throw new ParquetException($"the column chunk lives in another file ('{chunk.FilePath}'); multi-file datasets are not supported", path, g, name);
                }

                var meta = chunk.MetaData ?? throw new ParquetException("the column chunk has no metadata; the footer is corrupt", path, g, name);
                var (start, _) = ChunkRange(meta);
                if (start < 4 || meta.TotalCompressedSize < 0 || meta.TotalCompressedSize > int.MaxValue || start + meta.TotalCompressedSize > dataEnd)
                {
                    throw new ParquetException($"the column chunk at offset {start} with {meta.TotalCompressedSize} bytes lies outside the data region 4..{dataEnd}; the file is truncated or corrupt", path, g, name);
                }
            }
        }
    }

    private ParquetFileMetadata BuildMetadata()
    {
        var keyValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in _footer.KeyValueMetadata)
        {
            keyValues[kv.Key] = kv.Value ?? string.Empty;
        }

        var groups = _footer.RowGroups.Select(g => new ParquetRowGroupMetadata(
            g.NumRows,
            g.TotalByteSize,
            _fields.Select(f => ChunkMetadata(f, g.Columns[f.LeafIndex].MetaData!)).ToArray())).ToArray();
        return new ParquetFileMetadata(_footer.NumRows, _footer.CreatedBy, keyValues, groups);
    }

    private static ParquetColumnChunkMetadata ChunkMetadata(ColumnDescriptor leaf, ColumnMetaData meta)
    {
        var (min, max) = StatisticsDecoding.MinMax(leaf, meta.Statistics);
        return new ParquetColumnChunkMetadata(
            leaf.Name,
            min,
            max,
            meta.Statistics?.NullCount,
            meta.Codec.ToString().ToUpperInvariant(),
            meta.Encodings.Select(e => e.ToString()).ToArray(),
            meta.TotalCompressedSize,
            meta.TotalUncompressedSize);
    }
}
