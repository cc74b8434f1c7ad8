using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// Non-generic handle on a <see cref="ColumnCodec{T}"/>: converts between one logical type's CLR
/// values and its physical Parquet representation.
/// </summary>
internal abstract class ColumnCodec
{
    protected ColumnCodec(PhysicalType physical, int typeLength = 0)
    {
        Physical = physical;
        TypeLength = typeLength;
    }

    public PhysicalType Physical { get; }

    /// <summary>Byte length of FIXED_LEN_BYTE_ARRAY values (0 otherwise).</summary>
    public int TypeLength { get; }

    /// <summary>Plain-encoded byte width of one value, or 0 when values vary in size.</summary>
    public virtual int FixedWidth => Physical switch
    {
        PhysicalType.Int32 or PhysicalType.Float => 4,
        PhysicalType.Int64 or PhysicalType.Double => 8,
        PhysicalType.Int96 => 12,
        PhysicalType.FixedLenByteArray => TypeLength,
        _ => 0,
    };

    /// <summary>Decodes a statistics value (plain bytes without a length prefix); null when unusable.</summary>
    public abstract object? DecodeStatistic(byte[] bytes);

    public abstract ColumnShapeInfo ShapeInfo(bool nullable);

    /// <summary>Compares two decoded values (statistics or query bounds) in the column's Parquet sort order.</summary>
    public abstract int CompareValues(object x, object y);

    /// <summary>Whether DELTA_BINARY_PACKED is available for writing this codec's values.</summary>
    public virtual bool SupportsDeltaEncoding => false;

    /// <summary>Decodes one column chunk into a CLR array (see <see cref="Reading.ColumnChunkReader{T}"/>).</summary>
    public abstract Array ReadChunk(Reading.ChunkReadContext context);

    /// <summary>Writes one column chunk's pages (see <see cref="Writing.ColumnChunkWriter{T}"/>).</summary>
    public abstract ColumnChunk WriteChunk(Writing.ChunkWriteContext context, Array values);
}

/// <summary>Type-erased view of a <see cref="ColumnShape{T}"/> for validation messages.</summary>
internal sealed record ColumnShapeInfo(Type ArrayType);

/// <summary>Converts values of CLR type <typeparamref name="T"/> to and from page bytes.</summary>
internal abstract class ColumnCodec<T> : ColumnCodec
    where T : notnull
{
    protected ColumnCodec(PhysicalType physical, int typeLength = 0)
        : base(physical, typeLength)
    {
    }

    /// <summary>Order used for min/max statistics (the Parquet sort order of the logical type).</summary>
    public virtual IComparer<T> SortOrder => Comparer<T>.Default;

    /// <summary>Equality used to build dictionaries (bitwise for floating point).</summary>
    public virtual IEqualityComparer<T> DictionaryEquality => EqualityComparer<T>.Default;

    public abstract ColumnShape<T> Shape(bool nullable);

    public override ColumnShapeInfo ShapeInfo(bool nullable) => new(Shape(nullable).ArrayType);

    public override int CompareValues(object x, object y) => SortOrder.Compare((T)x, (T)y);

    public override Array ReadChunk(Reading.ChunkReadContext context) => Reading.ColumnChunkReader<T>.Read(this, context);

    public override ColumnChunk WriteChunk(Writing.ChunkWriteContext context, Array values) => Writing.ColumnChunkWriter<T>.Write(this, context, values);

    /// <summary>Decodes <c>output.Length</c> PLAIN values; returns the bytes consumed.</summary>
    public abstract int DecodePlain(ReadOnlySpan<byte> data, Span<T> output);

    public virtual void DecodeRle(ReadOnlySpan<byte> data, Span<T> output) =>
        throw new ParquetDataException($"RLE value encoding is only valid for BOOLEAN columns, not {Physical}.");

    public virtual void DecodeDeltaBinaryPacked(ReadOnlySpan<byte> data, Span<T> output) =>
        throw new ParquetDataException($"DELTA_BINARY_PACKED is only valid for INT32/INT64 columns, not {Physical}.");

    public virtual void DecodeDeltaLengthByteArray(ReadOnlySpan<byte> data, Span<T> output) =>
        throw new ParquetDataException($"DELTA_LENGTH_BYTE_ARRAY is only valid for BYTE_ARRAY columns, not {Physical}.");

    public virtual void DecodeDeltaByteArray(ReadOnlySpan<byte> data, Span<T> output) =>
        throw new ParquetDataException($"DELTA_BYTE_ARRAY is only valid for BYTE_ARRAY columns, not {Physical}.");

    /// <summary>
    /// BYTE_STREAM_SPLIT: byte k of every value is stored in stream k; the streams are joined back
    /// into PLAIN order and decoded as PLAIN. Only fixed-width physical types qualify.
    /// </summary>
    public virtual void DecodeByteStreamSplit(ReadOnlySpan<byte> data, Span<T> output)
    {
        var width = FixedWidth;
        if (width == 0 || Physical == PhysicalType.Int96)
        {
            throw new ParquetDataException($"BYTE_STREAM_SPLIT is not valid for {Physical} columns.");
        }

        var streamLength = data.Length / width;
        if (streamLength < output.Length || data.Length % width != 0)
        {
            throw new ParquetDataException($"BYTE_STREAM_SPLIT data of {data.Length} bytes cannot hold {output.Length} values of {width} bytes.");
        }

        var plain = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, output.Length * width));
        try
        {
            for (var k = 0; k < width; k++)
            {
                var stream = data.Slice(k * streamLength, output.Length);
                for (var i = 0; i < stream.Length; i++)
                {
                    plain[(i * width) + k] = stream[i];
                }
            }

            DecodePlain(plain.AsSpan(0, output.Length * width), output);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(plain);
        }
    }

    public abstract void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output);

    public virtual void EncodeDeltaBinaryPacked(ReadOnlySpan<T> values, ByteBuffer output) =>
        throw new InvalidOperationException($"DELTA_BINARY_PACKED is not available for {Physical}.");

    /// <summary>Plain bytes of one value for statistics (no length prefix).</summary>
    public abstract byte[] EncodeStatistic(T value);

    /// <summary>Plain-encoded size of the values, for page sizing.</summary>
    public virtual long PlainSize(ReadOnlySpan<T> values) => (long)values.Length * FixedWidth;

    /// <summary>Min and max by <see cref="SortOrder"/>; false when there is no comparable value.</summary>
    public virtual bool TryMinMax(ReadOnlySpan<T> values, out T min, out T max)
    {
        min = default!;
        max = default!;
        if (values.IsEmpty)
        {
            return false;
        }

        var order = SortOrder;
        min = values[0];
        max = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            if (order.Compare(value, min) < 0)
            {
                min = value;
            }
            else if (order.Compare(value, max) > 0)
            {
                max = value;
            }
        }

        return true;
    }

    public override object? DecodeStatistic(byte[] bytes)
    {
        if (FixedWidth > 0 && bytes.Length != FixedWidth)
        {
            return null;
        }

        var one = new T[1];
        DecodePlain(bytes, one);
        return one[0];
    }
}
