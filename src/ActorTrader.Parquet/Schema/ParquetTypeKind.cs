// The members are named after Parquet's own type names (INT32, DOUBLE, STRING, DECIMAL...), as the public contract requires.
#pragma warning disable CA1720

namespace ActorTrader.Parquet;

/// <summary>The family of a <see cref="ParquetColumnType"/>; parameters live on the type itself.</summary>
public enum ParquetTypeKind
{
    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT32, INT64 or an INT(bits, signed) annotation.</summary>
    Integer,

    /// <summary>FLOAT.</summary>
    Float,

    /// <summary>DOUBLE.</summary>
    Double,

    /// <summary>BYTE_ARRAY annotated STRING (UTF-8).</summary>
    String,

    /// <summary>BYTE_ARRAY without annotation.</summary>
    Bytes,

    /// <summary>FIXED_LEN_BYTE_ARRAY without annotation.</summary>
    FixedBytes,

    /// <summary>INT32 annotated DATE.</summary>
    Date,

    /// <summary>INT64 annotated TIMESTAMP.</summary>
    Timestamp,

    /// <summary>DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY.</summary>
    Decimal,

    /// <summary>Legacy INT96 timestamp (read only).</summary>
    Int96,

    /// <summary>LIST of primitives (read only); the element type is <see cref="ParquetColumnType.ElementType"/>.</summary>
    List,
}
