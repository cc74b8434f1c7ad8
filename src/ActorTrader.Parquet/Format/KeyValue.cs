using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift KeyValue: one footer metadata entry.</summary>
internal sealed class KeyValue
{
    public string Key { get; set; } = string.Empty;

    public string? Value { get; set; }

    public static KeyValue Read(ref CompactReader reader) => reader.ReadStruct(new KeyValue(), ReadField);

    public void Write(CompactWriter writer)
    {
        writer.BeginStruct();
        writer.StringField(1, Key);
        writer.OptionalStringField(2, Value);
        writer.EndStruct();
    }

    private static bool ReadField(ref CompactReader reader, KeyValue entry, short id, CompactType type)
    {
        switch (id)
        {
            case 1 when type == CompactType.Binary:
                entry.Key = reader.ReadString();
                return true;
            case 2 when type == CompactType.Binary:
                entry.Value = reader.ReadString();
                return true;
            default:
                return false;
        }
    }
}
