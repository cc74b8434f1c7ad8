using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ActorTrader.Parquet.Thrift;

/// <summary>Writes Thrift compact-protocol values into a growable buffer.</summary>
internal sealed class CompactWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public CompactWriter(int initialCapacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void Clear()
    {
        _buffer.Clear();
        _lastFieldIds.Clear();
        _lastFieldId = 0;
    }

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void BeginStruct()
    {
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        WriteByte((byte)CompactType.Stop);
        _lastFieldId = _lastFieldIds.Pop();
    }

    public void FieldHeader(short id, CompactType type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag.Encode32(id));
        }

        _lastFieldId = id;
    }

    public void I32Field(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        WriteVarint(ZigZag.Encode32(value));
    }

    public void I64Field(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        WriteVarint(ZigZag.Encode64(value));
    }

    /// <summary>Writes the field when <paramref name="value"/> is set; an optional field left unset is absent.</summary>
    public void OptionalI32Field(short id, int? value)
    {
        if (value is not null)
        {
            I32Field(id, value.Value);
        }
    }

    /// <summary>Writes the field when <paramref name="value"/> is set.</summary>
    public void OptionalI64Field(short id, long? value)
    {
        if (value is not null)
        {
            I64Field(id, value.Value);
        }
    }

    /// <summary>Writes the field when <paramref name="value"/> is set.</summary>
    public void OptionalBinaryField(short id, byte[]? value)
    {
        if (value is not null)
        {
            BinaryField(id, value);
        }
    }

    /// <summary>Writes the field when <paramref name="value"/> is set.</summary>
    public void OptionalStringField(short id, string? value)
    {
        if (value is not null)
        {
            StringField(id, value);
        }
    }

    public void ByteField(short id, byte value)
    {
        FieldHeader(id, CompactType.Byte);
        WriteByte(value);
    }

    public void BoolField(short id, bool value) => FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void BinaryField(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteBinary(value);
    }

    public void StringField(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteString(value);
    }

    public void DoubleField(short id, double value)
    {
        FieldHeader(id, CompactType.Double);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>Starts a struct-valued field; finish it with <see cref="EndStruct"/>.</summary>
    public void StructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    public void ListHeader(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        ListHeader(elementType, count);
    }

    public void ListHeader(CompactType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    public void WriteI32(int value) => WriteVarint(ZigZag.Encode32(value));

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)count);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }
}
