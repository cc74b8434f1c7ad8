namespace ActorTrader.Parquet.Format;

/// <summary>parquet.thrift FieldRepetitionType.</summary>
internal enum Repetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
