namespace ActorTrader.Parquet.Format;

/// <summary>Which member of the LogicalType union is set.</summary>
internal enum LogicalTypeKind
{
    Unknown,
    String,
    Map,
    List,
    Enum,
    Decimal,
    Date,
    Time,
    Timestamp,
    Integer,
    Null,
    Json,
    Bson,
    Uuid,
}
