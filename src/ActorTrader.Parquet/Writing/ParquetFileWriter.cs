using System.Runtime.ExceptionServices;
using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Schema;
using ActorTrader.Parquet.Thrift;
using ActorTrader.Parquet.Values;
using ActorTrader.Parquet.Writing;

namespace ActorTrader.Parquet;

/// <summary>
/// Writes a Parquet file one row group at a time: each <see cref="WriteRowGroup"/> goes to disk
/// immediately. The file is written under a temporary name beside the target and only
/// <see cref="Complete"/> (footer, fsync, rename) makes it appear at the path, so readers never
/// see a half-written file and a failed or abandoned writer leaves the path untouched.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private readonly string _path;
    private readonly string _tempPath;
    private readonly ParquetSchema _schema;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnCodec[] _codecs;
    private readonly FileStream _stream;
    private readonly PageSink _sink;
    private readonly List<RowGroup> _rowGroups = [];
    private PageSink[]? _columnSinks;
    private long _rows;
    private bool _completed;
    private bool _faulted;
    private bool _disposed;

    private ParquetFileWriter(string path, string tempPath, ParquetSchema schema, ParquetWriterOptions options, ColumnCodec[] codecs, FileStream stream)
    {
        _path = path;
        _tempPath = tempPath;
        _schema = schema;
        _options = options;
        _codecs = codecs;
        _stream = stream;
        _sink = new PageSink(stream, 0, PageCompression.ToCodec(options.Compression), options.WritePageChecksums);
        _sink.WriteRaw("PAR1"u8);
    }

    /// <summary>Starts writing <paramref name="path"/> (replaced on <see cref="Complete"/>); the data goes to a temporary file beside it.</summary>
    public static ParquetFileWriter Create(string path, ParquetSchema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= new ParquetWriterOptions();
        ValidateOptions(path, options);
        var codecs = ValidateSchema(path, schema);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        FileStream stream;
        try
        {
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParquetException($"cannot create the temporary file '{temp}' ({e.Message}); check that the directory exists and is writable", path, null, null, e);
        }

        return new ParquetFileWriter(path, temp, schema, options, codecs, stream);
    }

    /// <summary>
    /// Writes one row group: one column per schema field, in schema order, all the same length,
    /// each with the field's exact array type (T[] required, T?[] or nullable references otherwise).
    /// </summary>
    public void WriteRowGroup(IReadOnlyList<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        EnsureWritable();
        var rowGroup = _rowGroups.Count;
        ValidateColumns(columns, rowGroup);
        var rows = columns.Count == 0 ? 0 : columns[0].Count;
        var group = new RowGroup { NumRows = rows, FileOffset = _sink.Position, Ordinal = (short)Math.Min(rowGroup, short.MaxValue) };
        var parallelism = Math.Min(_options.MaxDegreeOfParallelism, columns.Count);
        if (parallelism <= 1)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                group.Columns.Add(WriteChunk(rowGroup, c, columns[c].Values, _sink));
            }
        }
        else
        {
            group.Columns.AddRange(WriteChunksInParallel(rowGroup, columns, parallelism));
        }

        group.TotalByteSize = group.Columns.Sum(c => c.MetaData!.TotalUncompressedSize);
        group.TotalCompressedSize = group.Columns.Sum(c => c.MetaData!.TotalCompressedSize);
        _rowGroups.Add(group);
        _rows += rows;
    }

    private ColumnChunk WriteChunk(int rowGroup, int column, Array values, PageSink sink)
    {
        var field = _schema.Fields[column];
        try
        {
            return _codecs[column].WriteChunk(new ChunkWriteContext(field, _options, sink), values);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or InvalidOperationException)
        {
            _faulted = true;
            throw new ParquetException($"a value cannot be written: {e.Message}", _path, rowGroup, field.Name, e);
        }
        catch (IOException e)
        {
            _faulted = true;
            throw new ParquetException($"writing failed ({e.Message})", _path, rowGroup, field.Name, e);
        }
    }

    /// <summary>
    /// Encodes the column chunks concurrently, each into its own in-memory sink, then appends them in schema
    /// order and moves their offsets to where they landed, so the file equals a sequential write.
    /// </summary>
    private ColumnChunk[] WriteChunksInParallel(int rowGroup, IReadOnlyList<ParquetColumn> columns, int parallelism)
    {
        _columnSinks ??= _schema.Fields.Select(_ => PageSink.InMemory(_sink.Codec, _sink.WriteChecksums)).ToArray();
        var chunks = new ColumnChunk[columns.Count];
        var failures = new ExceptionDispatchInfo?[columns.Count];
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c =>
        {
            try
            {
                _columnSinks[c].Restart();
                chunks[c] = WriteChunk(rowGroup, c, columns[c].Values, _columnSinks[c]);
            }
            catch (Exception e)
            {
                failures[c] = ExceptionDispatchInfo.Capture(e);
            }
        });
        Array.Find(failures, f => f is not null)?.Throw();

        for (var c = 0; c < chunks.Length; c++)
        {
            var start = _sink.Position;
            try
            {
                _sink.WriteRaw(_columnSinks[c].WrittenBytes);
            }
            catch (IOException e)
            {
                _faulted = true;
                throw new ParquetException($"writing failed ({e.Message})", _path, rowGroup, _schema.Fields[c].Name, e);
            }

            var meta = chunks[c].MetaData!;
            chunks[c].FileOffset += start;
            meta.DataPageOffset += start;
            meta.DictionaryPageOffset += start;
        }

        return chunks;
    }

    /// <summary>Writes the footer, flushes to disk and renames the temporary file to the target path.</summary>
    public void Complete()
    {
        EnsureWritable();
        var footer = new FileMetaData
        {
            Version = 1,
            Schema = [new SchemaElement { Name = "schema", NumChildren = _schema.Fields.Count }, .. _schema.Fields.Select(SchemaMapping.ToElement)],
            NumRows = _rows,
            RowGroups = _rowGroups,
            KeyValueMetadata = _options.KeyValueMetadata.Select(kv => new KeyValue { Key = kv.Key, Value = kv.Value }).ToList(),
            CreatedBy = _options.CreatedBy,
            ColumnOrderCount = _schema.Fields.Count,
        };
        var writer = new CompactWriter(4096);
        footer.Write(writer);
        try
        {
            _sink.WriteRaw(writer.WrittenSpan);
            Span<byte> tail = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(tail, writer.WrittenSpan.Length);
            "PAR1"u8.CopyTo(tail[4..]);
            _sink.WriteRaw(tail);
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_tempPath, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _faulted = true;
            throw new ParquetException($"finishing the file failed ({e.Message}); the target was not replaced", _path, null, null, e);
        }

        _completed = true;
    }

    /// <summary>Releases the file; without <see cref="Complete"/> the temporary file is deleted and the path is untouched.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sink.Dispose();
        foreach (var sink in _columnSinks ?? [])
        {
            sink.Dispose();
        }

        _stream.Dispose();
        if (!_completed)
        {
            File.Delete(_tempPath);
        }
    }

    private static void ValidateOptions(string path, ParquetWriterOptions options)
    {
        if (options.DataPageVersion is not (1 or 2))
        {
            throw new ParquetException($"DataPageVersion {options.DataPageVersion} is invalid; use 1 or 2", path, null, null);
        }

        if (options.MaxDegreeOfParallelism < 1)
        {
            throw new ParquetException($"MaxDegreeOfParallelism {options.MaxDegreeOfParallelism} is invalid; use 1 (sequential) or more", path, null, null);
        }

        if (options.DataPageBytes <= 0 || options.DictionaryMaxBytes < 0)
        {
            throw new ParquetException("DataPageBytes must be positive and DictionaryMaxBytes non-negative", path, null, null);
        }

        if (!Enum.IsDefined(options.Compression))
        {
            throw new ParquetException($"compression {options.Compression} is unknown; use None, Snappy or Gzip", path, null, null);
        }
    }

    private static ColumnCodec[] ValidateSchema(string path, ParquetSchema schema)
    {
        if (schema.Fields.Count == 0)
        {
            throw new ParquetException("the schema has no fields; add at least one column", path, null, null);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var codecs = new ColumnCodec[schema.Fields.Count];
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i] ?? throw new ParquetException($"schema field {i} is null", path, null, null);
            if (string.IsNullOrEmpty(field.Name) || !names.Add(field.Name))
            {
                throw new ParquetException($"field {i} has an empty or duplicate name; column names must be unique", path, null, field.Name);
            }

            if (field.Type.Kind == ParquetTypeKind.Int96)
            {
                throw new ParquetException("INT96 is a legacy read-only type; declare the column as Timestamp instead", path, null, field.Name);
            }

            if (field.Type.Kind == ParquetTypeKind.List)
            {
                throw new ParquetException($"{field.Type} columns can be read but not written; this writer supports flat columns only, so store the list elsewhere (e.g. one row per element)", path, null, field.Name);
            }

            var (physical, length) = SchemaMapping.PhysicalFor(field.Type);
            codecs[i] = SchemaMapping.CreateCodec(field.Type, physical, length);
        }

        return codecs;
    }

    private void ValidateColumns(IReadOnlyList<ParquetColumn> columns, int rowGroup)
    {
        if (columns.Count != _schema.Fields.Count)
        {
            throw new ParquetException($"the row group has {columns.Count} columns but the file's schema has {_schema.Fields.Count} ({string.Join(", ", _schema.Fields.Select(f => f.Name))}); pass one column per field in schema order", _path, rowGroup, null);
        }

        var rows = -1;
        for (var c = 0; c < columns.Count; c++)
        {
            var expected = _schema.Fields[c];
            var column = columns[c] ?? throw new ParquetException($"column {c} is null", _path, rowGroup, expected.Name);
            if (column.Field != expected)
            {
                throw new ParquetException($"column {c} is {Describe(column.Field)} but the file's schema expects {Describe(expected)}; every row group must match the schema the file was created with", _path, rowGroup, expected.Name);
            }

            var arrayType = _codecs[c].ShapeInfo(expected.Nullable).ArrayType;
            if (column.Values is null || column.Values.GetType() != arrayType)
            {
                throw new ParquetException($"the values are {column.Values?.GetType().Name ?? "null"} but a {(expected.Nullable ? "nullable" : "required")} {expected.Type} column needs {arrayType.Name}", _path, rowGroup, expected.Name);
            }

            if (rows >= 0 && column.Count != rows)
            {
                throw new ParquetException($"the column has {column.Count} values but '{columns[0].Field.Name}' has {rows}; all columns of a row group need the same length", _path, rowGroup, expected.Name);
            }

            rows = column.Count;
            if (!expected.Nullable && column.Values is object?[] references)
            {
                var firstNull = Array.IndexOf(references, null);
                if (firstNull >= 0)
                {
                    throw new ParquetException($"row {firstNull} is null but the column is required; declare the field Nullable or supply a value", _path, rowGroup, expected.Name);
                }
            }
        }
    }

    private static string Describe(ParquetField field) => $"'{field.Name}' {field.Type}{(field.Nullable ? " nullable" : " required")}";

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"The Parquet file '{_path}' is already complete; create a new writer to write more.");
        }

        if (_faulted)
        {
            throw new InvalidOperationException($"An earlier write to '{_path}' failed, so the file is incomplete; dispose this writer and start again.");
        }
    }
}
