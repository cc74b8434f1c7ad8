using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift DataPageHeader (data page v1: levels and values compressed together).</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; } = Encoding.Rle;

    public Encoding RepetitionLevelEncoding { get; set; } = Encoding.Rle;

    public static DataPageHeader Read(ref CompactReader reader)
    {
        var h = new DataPageHeader();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    h.NumValues = reader.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    h.Encoding = (Encoding)reader.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    h.DefinitionLevelEncoding = (Encoding)reader.ReadI32();
                    break;
                case 4 when type == CompactType.I32:
                    h.RepetitionLevelEncoding = (Encoding)reader.ReadI32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return h;
    }

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, NumValues);
        writer.I32Field(2, (int)Encoding);
        writer.I32Field(3, (int)DefinitionLevelEncoding);
        writer.I32Field(4, (int)RepetitionLevelEncoding);
        writer.EndStruct();
    }
}
