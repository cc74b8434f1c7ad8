using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift ColumnMetaData: where a column chunk's pages are and how they are coded.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<Encoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? IndexPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    public static ColumnMetaData Read(ref CompactReader reader) => reader.ReadStruct(new ColumnMetaData(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.I32Field(1, (int)Type);
        writer.ListHeader(2, CompactType.I32, Encodings.Count);
        foreach (var encoding in Encodings)
        {
            writer.WriteI32((int)encoding);
        }

        writer.ListHeader(3, CompactType.Binary, PathInSchema.Count);
        foreach (var part in PathInSchema)
        {
            writer.WriteString(part);
        }

        writer.I32Field(4, (int)Codec);
        writer.I64Field(5, NumValues);
        writer.I64Field(6, TotalUncompressedSize);
        writer.I64Field(7, TotalCompressedSize);
        writer.I64Field(9, DataPageOffset);
        writer.OptionalI64Field(11, DictionaryPageOffset);

        if (Statistics is not null)
        {
            writer.FieldHeader(12, CompactType.Struct);
            Statistics.Write(writer);
        }

        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, ColumnMetaData meta, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.I32:
                meta.Type = (PhysicalType)reader.ReadI32();
                return true;
            case 2 when type == CompactType.List:
                reader.ReadList(meta.Encodings, CompactType.I32, static (ref CompactReader r) => (Encoding)r.ReadI32());
                return true;
            case 3 when type == CompactType.List:
                reader.ReadList(meta.PathInSchema, CompactType.Binary, static (ref CompactReader r) => r.ReadString());
                return true;
            case 4 when type == CompactType.I32:
                meta.Codec = (CompressionCodec)reader.ReadI32();
                return true;
            case 5 when type == CompactType.I64:
                meta.NumValues = reader.ReadI64();
                return true;
            case 6 when type == CompactType.I64:
                meta.TotalUncompressedSize = reader.ReadI64();
                return true;
            case 7 when type == CompactType.I64:
                meta.TotalCompressedSize = reader.ReadI64();
                return true;
            case 9 when type == CompactType.I64:
                meta.DataPageOffset = reader.ReadI64();
                return true;
            case 10 when type == CompactType.I64:
                meta.IndexPageOffset = reader.ReadI64();
                return true;
            case 11 when type == CompactType.I64:
                meta.DictionaryPageOffset = reader.ReadI64();
                return true;
            case 12 when type == CompactType.Struct:
                meta.Statistics = Statistics.Read(ref reader);
                return true;
            default:
                return false;
        }
    }
}
