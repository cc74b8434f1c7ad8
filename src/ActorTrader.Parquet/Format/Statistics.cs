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

    public static Statistics Read(ref CompactReader reader)
    {
        var s = new Statistics();
        reader.EnterStruct();
        short last = 0;
        while (reader.ReadFieldHeader(ref last, out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == CompactType.Binary:
                    s.LegacyMax = reader.ReadBinary();
                    break;
                case 2 when type == CompactType.Binary:
                    s.LegacyMin = reader.ReadBinary();
                    break;
                case 3 when type == CompactType.I64:
                    s.NullCount = reader.ReadI64();
                    break;
                case 4 when type == CompactType.I64:
                    s.DistinctCount = reader.ReadI64();
                    break;
                case 5 when type == CompactType.Binary:
                    s.MaxValue = reader.ReadBinary();
                    break;
                case 6 when type == CompactType.Binary:
                    s.MinValue = reader.ReadBinary();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.ExitStruct();
        return s;
    }

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        if (LegacyMax is not null)
        {
            writer.BinaryField(1, LegacyMax);
        }

        if (LegacyMin is not null)
        {
            writer.BinaryField(2, LegacyMin);
        }

        if (NullCount is not null)
        {
            writer.I64Field(3, NullCount.Value);
        }

        if (MaxValue is not null)
        {
            writer.BinaryField(5, MaxValue);
        }

        if (MinValue is not null)
        {
            writer.BinaryField(6, MinValue);
        }

        writer.EndStruct();
    }
}
