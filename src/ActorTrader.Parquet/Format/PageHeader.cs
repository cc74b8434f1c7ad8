using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift PageHeader with its data, dictionary or v2 sub-header.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    /// <summary>CRC-32 of the page bytes as stored (after compression), when the writer recorded one.</summary>
    public int? Crc { get; set; }

    public DataPageHeader? DataPageHeader { get; set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    public static PageHeader Read(ref CompactReader reader) => reader.ReadStruct(new PageHeader(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, (int)Type);
        writer.I32Field(2, UncompressedPageSize);
        writer.I32Field(3, CompressedPageSize);
        writer.OptionalI32Field(4, Crc);
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

    private static bool ReadField(ref CompactReader reader, PageHeader header, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                header.Type = (PageType)reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                header.UncompressedPageSize = reader.ReadI32();
                return true;
            case 3 when type == CompactType.I32:
                header.CompressedPageSize = reader.ReadI32();
                return true;
            case 4 when type == CompactType.I32:
                header.Crc = reader.ReadI32();
                return true;
            case 5 when type == CompactType.Struct:
                header.DataPageHeader = DataPageHeader.Read(ref reader);
                return true;
            case 7 when type == CompactType.Struct:
                header.DictionaryPageHeader = DictionaryPageHeader.Read(ref reader);
                return true;
            case 8 when type == CompactType.Struct:
                header.DataPageHeaderV2 = DataPageHeaderV2.Read(ref reader);
                return true;
            default:
                return false;
        }
    }
}
