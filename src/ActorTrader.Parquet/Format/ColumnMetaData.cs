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

    public static ColumnMetaData Read(ref CompactReader reader)
    {
        var m = new ColumnMetaData();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.I32:
                    m.Type = (PhysicalType)reader.ReadI32();
                    break;
                case 2 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            m.Encodings.Add((Encoding)reader.ReadI32());
                        }

                        break;
                    }

                case 3 when type == CompactType.List:
                    {
                        var count = reader.ReadListHeader(out _);
                        for (var i = 0; i < count; i++)
                        {
                            m.PathInSchema.Add(reader.ReadString());
                        }

                        break;
                    }

                case 4 when type == CompactType.I32:
                    m.Codec = (CompressionCodec)reader.ReadI32();
                    break;
                case 5 when type == CompactType.I64:
                    m.NumValues = reader.ReadI64();
                    break;
                case 6 when type == CompactType.I64:
                    m.TotalUncompressedSize = reader.ReadI64();
                    break;
                case 7 when type == CompactType.I64:
                    m.TotalCompressedSize = reader.ReadI64();
                    break;
                case 9 when type == CompactType.I64:
                    m.DataPageOffset = reader.ReadI64();
                    break;
                case 10 when type == CompactType.I64:
                    m.IndexPageOffset = reader.ReadI64();
                    break;
                case 11 when type == CompactType.I64:
                    m.DictionaryPageOffset = reader.ReadI64();
                    break;
                case 12 when type == CompactType.Struct:
                    m.Statistics = Statistics.Read(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return m;
    }

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
        if (DictionaryPageOffset is not null)
        {
            writer.I64Field(11, DictionaryPageOffset.Value);
        }

        if (Statistics is not null)
        {
            writer.FieldHeader(12, CompactType.Struct);
            Statistics.Write(writer);
        }

        writer.EndStruct();
    }
}
