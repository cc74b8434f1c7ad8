using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift DataPageHeaderV2: levels stored uncompressed ahead of the (optionally compressed) values.</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public Encoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public static DataPageHeaderV2 Read(ref CompactReader reader) => reader.ReadStruct(new DataPageHeaderV2(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, NumValues);
        writer.I32Field(2, NumNulls);
        writer.I32Field(3, NumRows);
        writer.I32Field(4, (int)Encoding);
        writer.I32Field(5, DefinitionLevelsByteLength);
        writer.I32Field(6, RepetitionLevelsByteLength);
        writer.BoolField(7, IsCompressed);
        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, DataPageHeaderV2 header, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                header.NumValues = reader.ReadI32();
                return true;
            case 2 when type == CompactType.I32:
                header.NumNulls = reader.ReadI32();
                return true;
            case 3 when type == CompactType.I32:
                header.NumRows = reader.ReadI32();
                return true;
            case 4 when type == CompactType.I32:
                header.Encoding = (Encoding)reader.ReadI32();
                return true;
            case 5 when type == CompactType.I32:
                header.DefinitionLevelsByteLength = reader.ReadI32();
                return true;
            case 6 when type == CompactType.I32:
                header.RepetitionLevelsByteLength = reader.ReadI32();
                return true;
            case 7 when type is CompactType.BooleanTrue or CompactType.BooleanFalse:
                header.IsCompressed = CompactReader.BoolFromType(type);
                return true;
            default:
                return false;
        }
    }
}
