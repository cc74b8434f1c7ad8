using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift DataPageHeader (data page v1: levels and values compressed together).</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; } = Encoding.Rle;

    public Encoding RepetitionLevelEncoding { get; set; } = Encoding.Rle;

    public static DataPageHeader Read(ref CompactReader reader) => reader.ReadStruct(new DataPageHeader(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, NumValues);
        writer.I32Field(2, (int)Encoding);
        writer.I32Field(3, (int)DefinitionLevelEncoding);
        writer.I32Field(4, (int)RepetitionLevelEncoding);
        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, DataPageHeader header, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                header.NumValues = reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                header.Encoding = (Encoding)reader.ReadI32();
                return true;
            case 3 when type == CompactType.I32:
                header.DefinitionLevelEncoding = (Encoding)reader.ReadI32();
                return true;
            case 4 when type == CompactType.I32:
                header.RepetitionLevelEncoding = (Encoding)reader.ReadI32();
                return true;
            default:
                return false;
        }
    }
}
