using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift PageHeader with its data, dictionary or v2 sub-header.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public int? Crc { get; set; }

    public DataPageHeader? DataPageHeader { get; set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    public static PageHeader Read(ref CompactReader reader)
    {
        var h = new PageHeader();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    h.Type = (PageType)reader.ReadI32();
                    break;
                case 2 when type == CompactType.I32:
                    h.UncompressedPageSize = reader.ReadI32();
                    break;
                case 3 when type == CompactType.I32:
                    h.CompressedPageSize = reader.ReadI32();
                    break;
                case 4 when type == CompactType.I32:
                    h.Crc = reader.ReadI32();
                    break;
                case 5 when type == CompactType.Struct:
                    h.DataPageHeader = DataPageHeader.Read(ref reader);
                    break;
                case 7 when type == CompactType.Struct:
                    h.DictionaryPageHeader = DictionaryPageHeader.Read(ref reader);
                    break;
                case 8 when type == CompactType.Struct:
                    h.DataPageHeaderV2 = DataPageHeaderV2.Read(ref reader);
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
        writer.I32Field(1, (int)Type);
        writer.I32Field(2, UncompressedPageSize);
        writer.I32Field(3, CompressedPageSize);
        if (Crc is not null)
        {
            writer.I32Field(4, Crc.Value);
        }

        if (DataPageHeader is not null)
        {
            writer.FieldHeader(5, CompactType.Struct);
            DataPageHeader.Write(writer);
        }

        if (DictionaryPageHeader is not null)
        {
            writer.FieldHeader(7, CompactType.Struct);
            DictionaryPageHeader.Write(writer);
        }

        if (DataPageHeaderV2 is not null)
        {
            writer.FieldHeader(8, CompactType.Struct);
            DataPageHeaderV2.Write(writer);
        }

        writer.EndStruct();
    }
}
