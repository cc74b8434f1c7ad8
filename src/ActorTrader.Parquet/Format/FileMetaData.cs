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

    public static FileMetaData Read(ref CompactReader reader) => reader.ReadStruct(new FileMetaData(), ReadField);

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

        writer.OptionalStringField(6, CreatedBy);

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

    private static bool ReadField(ref CompactReader reader, FileMetaData footer, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                footer.Version = reader.ReadI32();
                return true;
            case 2 when type == CompactType.List:
                reader.ReadList(footer.Schema, CompactType.Struct, SchemaElement.Read);
                return true;
            case 3 when type == CompactType.I64:
                footer.NumRows = reader.ReadI64();
                return true;
            case 4 when type == CompactType.List:
                reader.ReadList(footer.RowGroups, CompactType.Struct, RowGroup.Read);
                return true;
            case 5 when type == CompactType.List:
                reader.ReadList(footer.KeyValueMetadata, CompactType.Struct, KeyValue.Read);
                return true;
            case 6 when type == CompactType.Binary:
                footer.CreatedBy = reader.ReadString();
                return true;
            case 7 when type == CompactType.List:
                {
                    var count = reader.ReadListHeader(out var elementType);
                    for (var i = 0; i < count; i++)
                    {
                        reader.SkipElement(elementType);
                    }

                    footer.ColumnOrderCount = count;
                    return true;
                }

            default:
                return false;
        }
    }
}
