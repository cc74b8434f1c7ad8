using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift Statistics: min/max as plain-encoded bytes and the null count.</summary>
internal sealed class Statistics
{
    /// <summary>Legacy max (field 1): sort order undefined for some types, so read only where safe.</summary>
    public byte[]? LegacyMax { get; set; }

    /// <summary>Legacy min (field 2).</summary>
    public byte[]? LegacyMin { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    public static Statistics Read(ref CompactReader reader) => reader.ReadStruct(new Statistics(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.OptionalBinaryField(1, LegacyMax);
        writer.OptionalBinaryField(2, LegacyMin);
        writer.OptionalI64Field(3, NullCount);
        writer.OptionalBinaryField(5, MaxValue);
        writer.OptionalBinaryField(6, MinValue);
        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, Statistics statistics, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.Binary:
                statistics.LegacyMax = reader.ReadBinary();
                return true;
            case 2 when type == CompactType.Binary:
                statistics.LegacyMin = reader.ReadBinary();
                return true;
            case 3 when type == CompactType.I64:
                statistics.NullCount = reader.ReadI64();
                return true;
            case 4 when type == CompactType.I64:
                statistics.DistinctCount = reader.ReadI64();
                return true;
            case 5 when type == CompactType.Binary:
                statistics.MaxValue = reader.ReadBinary();
                return true;
            case 6 when type == CompactType.Binary:
                statistics.MinValue = reader.ReadBinary();
                return true;
            default:
                return false;
        }
    }
}
