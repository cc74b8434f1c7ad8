using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift LogicalType union, flattened to the members this library understands.</summary>
internal sealed class LogicalType
{
    public LogicalTypeKind Kind { get; set; }

    public int Scale { get; set; }

    public int Precision { get; set; }

    public bool IsAdjustedToUtc { get; set; }

    public TimestampUnit Unit { get; set; }

    public int BitWidth { get; set; }

    public bool IsSigned { get; set; }

    public static LogicalType Read(ref CompactReader reader) => reader.ReadStruct(new LogicalType { Kind = LogicalTypeKind.Unknown }, ReadMember);

    public void Write(CompactWriter writer)
    {
        switch (Kind)
        {
            case LogicalTypeKind.String:
                writer.StructField(1);
                writer.EndStruct();
                break;
            case LogicalTypeKind.Decimal:
                writer.StructField(5);
                writer.I32Field(1, Scale);
                writer.I32Field(2, Precision);
                writer.EndStruct();
                break;
            case LogicalTypeKind.Date:
                writer.StructField(6);
                writer.EndStruct();
                break;
            case LogicalTypeKind.Timestamp:
                writer.StructField(8);
                writer.BoolField(1, IsAdjustedToUtc);
                writer.StructField(2);
                writer.StructField(Unit switch { TimestampUnit.Millis => 1, TimestampUnit.Micros => 2, _ => 3 });
                writer.EndStruct();
                writer.EndStruct();
                writer.EndStruct();
                break;
            case LogicalTypeKind.Integer:
                writer.StructField(10);
                writer.ByteField(1, (byte)BitWidth);
                writer.BoolField(2, IsSigned);
                writer.EndStruct();
                break;
            default:
                throw new InvalidOperationException($"Writing logical type {Kind} is not supported.");
        }
    }

    /// <summary>Reads the union's one member: a struct whose field id names the kind.</summary>
    private static bool ReadMember(ref CompactReader reader, LogicalType result, short id, CompactType type)
    {
        if (type != CompactType.Struct || KindOf(id) is not { } kind)
        {
            return false;
        }

        result.Kind = kind;
        switch (kind)
        {
            case LogicalTypeKind.Decimal:
                reader.ReadStruct(result, ReadDecimalField);
                break;
            case LogicalTypeKind.Time or LogicalTypeKind.Timestamp:
                reader.ReadStruct(result, ReadTimeField);
                break;
            case LogicalTypeKind.Integer:
                reader.ReadStruct(result, ReadIntegerField);
                break;
            default:
                // The other members are empty structs: the kind is all they say.
                reader.SkipStruct();
                break;
        }

        return true;
    }

    /// <summary>The kind of union member <paramref name="id"/>; null for members this library does not know.</summary>
    private static LogicalTypeKind? KindOf(short id) => id switch
    {
        1 => LogicalTypeKind.String,
        2 => LogicalTypeKind.Map,
        3 => LogicalTypeKind.List,
        4 => LogicalTypeKind.Enum,
        5 => LogicalTypeKind.Decimal,
        6 => LogicalTypeKind.Date,
        7 => LogicalTypeKind.Time,
        8 => LogicalTypeKind.Timestamp,
        10 => LogicalTypeKind.Integer,
        11 => LogicalTypeKind.Null,
        12 => LogicalTypeKind.Json,
        13 => LogicalTypeKind.Bson,
        14 => LogicalTypeKind.Uuid,
        _ => null,
    };

    private static bool ReadDecimalField(ref CompactReader reader, LogicalType result, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                result.Scale = reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                result.Precision = reader.ReadI32();
                return true;
            default:
                return false;
        }
    }

    private static bool ReadTimeField(ref CompactReader reader, LogicalType result, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                result.IsAdjustedToUtc = CompactReader.BoolFromType(type);
                return true;
            case 2 when type == CompactType.Struct:
                result.Unit = ReadUnit(ref reader);
                return true;
            default:
                return false;
        }
    }

    private static TimestampUnit ReadUnit(ref CompactReader reader)
    {
        var unit = TimestampUnit.Millis;
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            unit = id switch
            {
                1 => TimestampUnit.Millis,
                2 => TimestampUnit.Micros,
                3 => TimestampUnit.Nanos,
                _ => throw new ThriftFormatException($"Unknown time unit {id} in a logical type."),
            };
            reader.Skip(type);
        }

        reader.ExitStruct();
        return unit;
    }

    private static bool ReadIntegerField(ref CompactReader reader, LogicalType result, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.Byte:
                result.BitWidth = (sbyte)reader.ReadByte();
                return true;
            case 2 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                result.IsSigned = CompactReader.BoolFromType(type);
                return true;
            default:
                return false;
        }
    }
}
