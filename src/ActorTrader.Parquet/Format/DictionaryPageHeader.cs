using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift DictionaryPageHeader.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; } = Encoding.Plain;

    public static DictionaryPageHeader Read(ref CompactReader reader)
    {
        var h = new DictionaryPageHeader();
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
        writer.EndStruct();
    }
}
