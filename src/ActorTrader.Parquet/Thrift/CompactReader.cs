using System.Buffers.Binary;
using System.Text;

namespace ActorTrader.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol values from a span. Every read is bounds-checked and reports
/// corruption as <see cref="ThriftFormatException"/> rather than an index error.
/// </summary>
internal ref struct CompactReader
{
    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;

    public CompactReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw new ThriftFormatException($"Thrift data ends early at byte {_position}.");
        }

        return _data[_position++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ThriftFormatException($"Thrift varint longer than 10 bytes at byte {_position}.");
    }

    public int ReadI32() => ZigZag.Decode32((uint)ReadVarint());

    public long ReadI64() => ZigZag.Decode64(ReadVarint());

    public short ReadI16() => (short)ZigZag.Decode32((uint)ReadVarint());

    public double ReadDouble()
    {
        var bytes = ReadSpan(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
    }

    public ReadOnlySpan<byte> ReadBinarySpan()
    {
        var length = ReadVarint();
        if (length > int.MaxValue)
        {
            throw new ThriftFormatException($"Thrift binary length {length} is impossible at byte {_position}.");
        }

        return ReadSpan((int)length);
    }

    public byte[] ReadBinary() => ReadBinarySpan().ToArray();

    public string ReadString() => Encoding.UTF8.GetString(ReadBinarySpan());

    /// <summary>Reads a field header; returns false at the struct's stop byte.</summary>
    public bool ReadFieldHeader(ref short lastFieldId, out short fieldId, out CompactType type)
    {
        var header = ReadByte();
        type = (CompactType)(header & 0x0F);
        if (type == CompactType.Stop)
        {
            fieldId = 0;
            return false;
        }

        var delta = header >> 4;
        fieldId = delta == 0 ? ReadI16() : (short)(lastFieldId + delta);
        lastFieldId = fieldId;
        if (type > CompactType.Struct)
        {
            throw new ThriftFormatException($"Unknown Thrift field type {(int)type} at byte {_position}.");
        }

        return true;
    }

    /// <summary>Reads a list header: element type and count.</summary>
    public int ReadListHeader(out CompactType elementType)
    {
        var header = ReadByte();
        elementType = (CompactType)(header & 0x0F);
        var size = header >> 4;
        var count = size == 15 ? ReadVarint() : (ulong)size;
        if (count > (ulong)(_data.Length - _position))
        {
            // Every element takes at least one byte, so a larger count is corrupt.
            throw new ThriftFormatException($"Thrift list of {count} elements exceeds the remaining {_data.Length - _position} bytes.");
        }

        return (int)count;
    }

    /// <summary>
    /// Reads a struct's fields into <paramref name="target"/> with <paramref name="readField"/>; fields it
    /// does not take (unknown ids, unexpected types) are skipped, as Thrift's schema evolution requires.
    /// </summary>
    public TStruct ReadStruct<TStruct>(TStruct target, FieldReader<TStruct> readField)
    {
        EnterStruct();
        short last = 0;
        while (ReadFieldHeader(ref last, out var id, out var type))
        {
            if (!readField(ref this, target, id, type))
            {
                Skip(type);
            }
        }

        ExitStruct();
        return target;
    }

    /// <summary>Appends a list's elements to <paramref name="list"/>; a list of another element type is skipped.</summary>
    public void ReadList<TElement>(List<TElement> list, CompactType elementType, ElementReader<TElement> readElement)
    {
        var count = ReadListHeader(out var actualType);
        for (var i = 0; i < count; i++)
        {
            if (actualType == elementType)
            {
                list.Add(readElement(ref this));
            }
            else
            {
                SkipElement(actualType);
            }
        }
    }

    /// <summary>Reads a boolean field value (encoded in the field header type).</summary>
    public static bool BoolFromType(CompactType type) => type == CompactType.BooleanTrue;

    /// <summary>Counts one more level of nesting (struct, list, set or map); corrupt data cannot recurse without bound.</summary>
    public void EnterStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw new ThriftFormatException($"Thrift values nested deeper than {MaxDepth} levels at byte {_position}.");
        }
    }

    public void ExitStruct() => _depth--;

    /// <summary>Skips one value of <paramref name="type"/> (unknown or unused fields).</summary>
    public void Skip(CompactType type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                break;
            case CompactType.Byte:
                ReadByte();
                break;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarint();
                break;
            case CompactType.Double:
                ReadSpan(8);
                break;
            case CompactType.Binary:
                ReadBinarySpan();
                break;
            case CompactType.List:
            case CompactType.Set:
                {
                    // Containers nest like structs (a list of lists of lists ...), so they count towards the depth limit.
                    EnterStruct();
                    var count = ReadListHeader(out var elementType);
                    for (var i = 0; i < count; i++)
                    {
                        SkipElement(elementType);
                    }

                    ExitStruct();
                    break;
                }

            case CompactType.Map:
                {
                    var count = ReadVarint();
                    if (count > (ulong)(_data.Length - _position))
                    {
                        throw new ThriftFormatException($"Thrift map of {count} entries exceeds the remaining bytes.");
                    }

                    if (count > 0)
                    {
                        EnterStruct();
                        var types = ReadByte();
                        for (ulong i = 0; i < count; i++)
                        {
                            SkipElement((CompactType)(types >> 4));
                            SkipElement((CompactType)(types & 0x0F));
                        }

                        ExitStruct();
                    }

                    break;
                }

            case CompactType.Struct:
                SkipStruct();
                break;
            default:
                throw new ThriftFormatException($"Unknown Thrift type {(int)type} at byte {_position}.");
        }
    }

    public void SkipStruct()
    {
        EnterStruct();
        short last = 0;
        while (ReadFieldHeader(ref last, out _, out var type))
        {
            Skip(type);
        }

        ExitStruct();
    }

    /// <summary>Skips one list, set or map element of <paramref name="type"/>.</summary>
    public void SkipElement(CompactType type)
    {
        // Inside containers a boolean is a whole byte rather than part of a field header.
        if (type is CompactType.BooleanTrue or CompactType.BooleanFalse)
        {
            ReadByte();
        }
        else
        {
            Skip(type);
        }
    }

    private ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length < 0 || length > _data.Length - _position)
        {
            throw new ThriftFormatException($"Thrift value of {length} bytes at byte {_position} runs past the end ({_data.Length} bytes).");
        }

        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }
}
