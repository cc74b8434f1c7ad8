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

    public static RowGroup Read(ref CompactReader reader)
    {
        var g = new RowGroup();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            g.Columns.Add(ColumnChunk.Read(ref reader));
                        }

                        break;
                    }

                case 2 when type == CompactType.I64:
                    g.TotalByteSize = reader.ReadI64();
                    break;
                case 3 when type == CompactType.I64:
                    g.NumRows = reader.ReadI64();
                    break;
                case 5 when type == CompactType.I64:
                    g.FileOffset = reader.ReadI64();
                    break;
                case 6 when type == CompactType.I64:
                    g.TotalCompressedSize = reader.ReadI64();
                    break;
                case 7 when type == CompactType.I16:
                    g.Ordinal = reader.ReadI16();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return g;
    }

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
        if (FileOffset is not null)
        {
            writer.I64Field(5, FileOffset.Value);
        }

        if (TotalCompressedSize is not null)
        {
            writer.I64Field(6, TotalCompressedSize.Value);
        }

        if (Ordinal is not null)
        {
            writer.FieldHeader(7, CompactType.I16);
            writer.WriteI32(Ordinal.Value);
        }

        writer.EndStruct();
    }
}
