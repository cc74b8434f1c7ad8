using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift DictionaryPageHeader.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; } = Encoding.Plain;

    public static DictionaryPageHeader Read(ref CompactReader reader) => reader.ReadStruct(new DictionaryPageHeader(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, NumValues);
        writer.I32Field(2, (int)Encoding);
        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, DictionaryPageHeader header, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                header.NumValues = reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                header.Encoding = (Encoding)reader.ReadI32();
                return true;
            default:
                return false;
        }
    }
}
