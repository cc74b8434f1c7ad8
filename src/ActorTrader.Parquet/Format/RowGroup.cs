using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift RowGroup.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public static RowGroup Read(ref CompactReader reader) => reader.ReadStruct(new RowGroup(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.ListHeader(1, CompactType.Struct, Columns.Count);
        foreach (var column in Columns)
        {
            column.Write(writer);
        }

        writer.I64Field(2, TotalByteSize);
        writer.I64Field(3, NumRows);
        writer.OptionalI64Field(5, FileOffset);
        writer.OptionalI64Field(6, TotalCompressedSize);

        if (Ordinal is not null)
        {
            writer.FieldHeader(7, CompactType.I16);
            writer.WriteI32(Ordinal.Value);
        }

        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, RowGroup group, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.List:
                reader.ReadList(group.Columns, CompactType.Struct, ColumnChunk.Read);
                return true;
            case 2 when type == CompactType.I64:
                group.TotalByteSize = reader.ReadI64();
                return true;
            case 3 when type == CompactType.I64:
                group.NumRows = reader.ReadI64();
                return true;
            case 5 when type == CompactType.I64:
                group.FileOffset = reader.ReadI64();
                return true;
            case 6 when type == CompactType.I64:
                group.TotalCompressedSize = reader.ReadI64();
                return true;
            case 7 when type == CompactType.I16:
                group.Ordinal = reader.ReadI16();
                return true;
            default:
                return false;
        }
    }
}
