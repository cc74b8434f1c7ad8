namespace ActorTrader.Parquet.Thrift;

/// <summary>
/// Reads the value of field <paramref name="fieldId"/> of wire type <paramref name="type"/> into
/// <paramref name="target"/>; returns false when the field is not one it takes, so the caller skips it.
/// </summary>
internal delegate bool FieldReader<in TStruct>(ref CompactReader reader, TStruct target, short fieldId, CompactType type);

/// <summary>Reads one list element.</summary>
internal delegate TElement ElementReader<out TElement>(ref CompactReader reader);
