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

    public static LogicalType Read(ref CompactReader reader)
    {
        var result = new LogicalType { Kind = LogicalTypeKind.Unknown };
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.String;
                    reader.SkipStruct();
                    break;
                case 2 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Map;
                    reader.SkipStruct();
                    break;
                case 3 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.List;
                    reader.SkipStruct();
                    break;
                case 4 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Enum;
                    reader.SkipStruct();
                    break;
                case 5 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Decimal;
                    ReadDecimal(ref reader, result);
                    break;
                case 6 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Date;
                    reader.SkipStruct();
                    break;
                case 7 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Time;
                    ReadTime(ref reader, result);
                    break;
                case 8 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Timestamp;
                    ReadTime(ref reader, result);
                    break;
                case 10 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Integer;
                    ReadInteger(ref reader, result);
                    break;
                case 11 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Null;
                    reader.SkipStruct();
                    break;
                case 12 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Json;
                    reader.SkipStruct();
                    break;
                case 13 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Bson;
                    reader.SkipStruct();
                    break;
                case 14 when type == CompactType.Struct:
                    result.Kind = LogicalTypeKind.Uuid;
                    reader.SkipStruct();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return result;
    }

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

    private static void ReadDecimal(ref CompactReader reader, LogicalType result)
    {
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    result.Scale = reader.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    result.Precision = reader.ReadI32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
    }

    private static void ReadTime(ref CompactReader reader, LogicalType result)
    {
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                    result.IsAdjustedToUtc = CompactReader.BoolFromType(type);
                    break;
                case 2 when type == CompactType.Struct:
                    result.Unit = ReadUnit(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
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

    private static void ReadInteger(ref CompactReader reader, LogicalType result)
    {
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Byte:
                    result.BitWidth = (sbyte)reader.ReadByte();
                    break;
                case 2 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                    result.IsSigned = CompactReader.BoolFromType(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
    }
}
