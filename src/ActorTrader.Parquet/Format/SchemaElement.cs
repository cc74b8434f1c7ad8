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

    public static SchemaElement Read(ref CompactReader reader)
    {
        var e = new SchemaElement();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    e.Type = (PhysicalType)reader.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    e.TypeLength = reader.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    e.Repetition = (Repetition)reader.ReadI32();
                    break;
                case 4 when type == CompactType.Binary:
                    e.Name = reader.ReadString();
                    break;
                case 5 when type == CompactType.I32:
                    e.NumChildren = reader.ReadI32();
                    break;
                case 6 when type == CompactType.I32:
                    e.ConvertedType = (ConvertedType)reader.ReadI32();
                    break;
                case 7 when type == CompactType.I32:
                    e.Scale = reader.ReadI32();
                    break;
                case 8 when type == CompactType.I32:
                    e.Precision = reader.ReadI32();
                    break;
                case 10 when type == CompactType.Struct:
                    e.LogicalType = LogicalType.Read(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return e;
    }

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        if (Type is not null)
        {
            writer.I32Field(1, (int)Type.Value);
        }

        if (TypeLength is not null)
        {
            writer.I32Field(2, TypeLength.Value);
        }

        if (Repetition is not null)
        {
            writer.I32Field(3, (int)Repetition.Value);
        }

        writer.StringField(4, Name);
        if (NumChildren is not null)
        {
            writer.I32Field(5, NumChildren.Value);
        }

        if (ConvertedType is not null)
        {
            writer.I32Field(6, (int)ConvertedType.Value);
        }

        if (Scale is not null)
        {
            writer.I32Field(7, Scale.Value);
        }

        if (Precision is not null)
        {
            writer.I32Field(8, Precision.Value);
        }

        if (LogicalType is not null)
        {
            writer.StructField(10);
            LogicalType.Write(writer);
            writer.EndStruct();
        }

        writer.EndStruct();
    }
}
