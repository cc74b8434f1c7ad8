using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift FileMetaData: the footer.</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue> KeyValueMetadata { get; set; } = [];

    public string? CreatedBy { get; set; }

    /// <summary>Number of TYPE_ORDER column orders (min_value/max_value follow the type's sort order).</summary>
    public int ColumnOrderCount { get; set; }

    public static FileMetaData Read(ref CompactReader reader)
    {
        var f = new FileMetaData();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    f.Version = reader.ReadI32();
                    break;
                case 2 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            f.Schema.Add(SchemaElement.Read(ref reader));
                        }

                        break;
                    }

                case 3 when type == CompactType.I64:
                    f.NumRows = reader.ReadI64();
                    break;
                case 4 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            f.RowGroups.Add(RowGroup.Read(ref reader));
                        }

                        break;
                    }

                case 5 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            f.KeyValueMetadata.Add(KeyValue.Read(ref reader));
                        }

                        break;
                    }

                case 6 when type == CompactType.Binary:
                    f.CreatedBy = reader.ReadString();
                    break;
                case 7 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out var elementType);
                        for (var i = 0; i < count; i++)
                        {
                            reader.Skip(elementType);
                        }

                        f.ColumnOrderCount = count;
                        break;
                    }

                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return f;
    }

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, Version);
        writer.ListHeader(2, CompactType.Struct, Schema.Count);
        foreach (var element in Schema)
        {
            element.Write(writer);
        }

        writer.I64Field(3, NumRows);
        writer.ListHeader(4, CompactType.Struct, RowGroups.Count);
        foreach (var group in RowGroups)
        {
            group.Write(writer);
        }

        if (KeyValueMetadata.Count > 0)
        {
            writer.ListHeader(5, CompactType.Struct, KeyValueMetadata.Count);
            foreach (var kv in KeyValueMetadata)
            {
                kv.Write(writer);
            }
        }

        if (CreatedBy is not null)
        {
            writer.StringField(6, CreatedBy);
        }

        if (ColumnOrderCount > 0)
        {
            // Every leaf uses TYPE_ORDER: ColumnOrder { 1: TypeDefinedOrder {} }.
            writer.ListHeader(7, CompactType.Struct, ColumnOrderCount);
            for (var i = 0; i < ColumnOrderCount; i++)
            {
                writer.BeginStruct();
                writer.StructField(1);
                writer.EndStruct();
                writer.EndStruct();
            }
        }

        writer.EndStruct();
    }
}
