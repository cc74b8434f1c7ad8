using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift SchemaElement: one node of the depth-first schema tree.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? Repetition { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public LogicalType? LogicalType { get; set; }

    public static SchemaElement Read(ref CompactReader reader) => reader.ReadStruct(new SchemaElement(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.OptionalI32Field(1, (int?)Type);
        writer.OptionalI32Field(2, TypeLength);
        writer.OptionalI32Field(3, (int?)Repetition);
        writer.StringField(4, Name);
        writer.OptionalI32Field(5, NumChildren);
        writer.OptionalI32Field(6, (int?)ConvertedType);
        writer.OptionalI32Field(7, Scale);
        writer.OptionalI32Field(8, Precision);

        if (LogicalType is not null)
        {
            writer.StructField(10);
            LogicalType.Write(writer);
            writer.EndStruct();
        }

        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, SchemaElement element, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                element.Type = (PhysicalType)reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                element.TypeLength = reader.ReadI32();
                return true;
            case 3 when type == CompactType.I32:
                element.Repetition = (Repetition)reader.ReadI32();
                return true;
            case 4 when type == CompactType.Binary:
                element.Name = reader.ReadString();
                return true;
            case 5 when type == CompactType.I32:
                element.NumChildren = reader.ReadI32();
                return true;
            case 6 when type == CompactType.I32:
                element.ConvertedType = (ConvertedType)reader.ReadI32();
                return true;
            case 7 when type == CompactType.I32:
                element.Scale = reader.ReadI32();
                return true;
            case 8 when type == CompactType.I32:
                element.Precision = reader.ReadI32();
                return true;
            case 10 when type == CompactType.Struct:
                element.LogicalType = LogicalType.Read(ref reader);
                return true;
            default:
                return false;
        }
    }
}
