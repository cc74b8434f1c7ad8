using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift ColumnChunk.</summary>
internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    public static ColumnChunk Read(ref CompactReader reader) => reader.ReadStruct(new ColumnChunk(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I64Field(2, FileOffset);
        if (MetaData is not null)
        {
            writer.FieldHeader(3, CompactType.Struct);
            MetaData.Write(writer);
        }

        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, ColumnChunk chunk, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.Binary:
                chunk.FilePath = reader.ReadString();
                return true;
            case 2 when type == CompactType.I64:
                chunk.FileOffset = reader.ReadI64();
                return true;
            case 3 when type == CompactType.Struct:
                chunk.MetaData = ColumnMetaData.Read(ref reader);
                return true;
            default:
                return false;
        }
    }
}
