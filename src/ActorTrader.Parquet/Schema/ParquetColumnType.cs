// The members are named after Parquet's own type names (INT32, DOUBLE, STRING, DECIMAL...), as the public contract requires.
#pragma warning disable CA1720

namespace ActorTrader.Parquet;

/// <summary>
/// The logical type of a flat (or list-of-primitive) Parquet column and the CLR type its values are exposed as
/// (see <see cref="ClrType"/>). Create instances with the static members.
/// </summary>
public sealed record ParquetColumnType
{
    private ParquetColumnType(ParquetTypeKind kind, Type clrType)
    {
        Kind = kind;
        ClrType = clrType;
    }

    /// <summary>BOOLEAN as <see cref="bool"/>.</summary>
    public static ParquetColumnType Boolean { get; } = new(ParquetTypeKind.Boolean, typeof(bool));

    /// <summary>INT32 as <see cref="int"/>.</summary>
    public static ParquetColumnType Int32 { get; } = new(ParquetTypeKind.Integer, typeof(int)) { BitWidth = 32, IsSigned = true };

    /// <summary>INT64 as <see cref="long"/>.</summary>
    public static ParquetColumnType Int64 { get; } = new(ParquetTypeKind.Integer, typeof(long)) { BitWidth = 64, IsSigned = true };

    /// <summary>FLOAT as <see cref="float"/>.</summary>
    public static ParquetColumnType Float { get; } = new(ParquetTypeKind.Float, typeof(float));

    /// <summary>DOUBLE as <see cref="double"/>.</summary>
    public static ParquetColumnType Double { get; } = new(ParquetTypeKind.Double, typeof(double));

    /// <summary>UTF-8 BYTE_ARRAY annotated STRING as <see cref="string"/>.</summary>
    public static ParquetColumnType String { get; } = new(ParquetTypeKind.String, typeof(string));

    /// <summary>Unannotated BYTE_ARRAY as <see cref="byte"/>[].</summary>
    public static ParquetColumnType Bytes { get; } = new(ParquetTypeKind.Bytes, typeof(byte[]));

    /// <summary>INT32 annotated DATE as <see cref="DateOnly"/>.</summary>
    public static ParquetColumnType Date { get; } = new(ParquetTypeKind.Date, typeof(DateOnly));

    /// <summary>Legacy INT96 timestamp as <see cref="Int96Timestamp"/> (lossless: Spark writes years beyond DateTime's 9999); readable, never written.</summary>
    public static ParquetColumnType Int96 { get; } = new(ParquetTypeKind.Int96, typeof(Int96Timestamp)) { AdjustedToUtc = true };

    /// <summary>The family of this type.</summary>
    public ParquetTypeKind Kind { get; }

    /// <summary>The CLR type of one non-null value.</summary>
    public Type ClrType { get; }

    /// <summary>Integer width in bits (8, 16, 32, 64); 0 for other kinds.</summary>
    public int BitWidth { get; private init; }

    /// <summary>Whether an integer type is signed.</summary>
    public bool IsSigned { get; private init; }

    /// <summary>Byte length of a fixed-length type (FixedBytes, FIXED_LEN_BYTE_ARRAY decimals); 0 otherwise.</summary>
    public int Length { get; private init; }

    /// <summary>Unit of a timestamp.</summary>
    public TimestampUnit Unit { get; private init; }

    /// <summary>Whether a timestamp is UTC-normalised (instant) rather than local wall-clock time.</summary>
    public bool AdjustedToUtc { get; private init; }

    /// <summary>Decimal precision (total digits).</summary>
    public int Precision { get; private init; }

    /// <summary>Decimal scale (digits after the point).</summary>
    public int Scale { get; private init; }

    /// <summary>For <see cref="ParquetTypeKind.List"/>: the type of one element; null for other kinds.</summary>
    public ParquetColumnType? ElementType { get; private init; }

    /// <summary>For <see cref="ParquetTypeKind.List"/>: whether elements may be null (an optional element field).</summary>
    public bool ElementNullable { get; private init; }

    /// <summary>
    /// LIST of <paramref name="elementType"/> values, read only. One row's value is an array: <c>T[]</c> when
    /// elements are required, <c>T?[]</c> (value types) or a reference array holding nulls when they are
    /// optional; a null list is a null row (the column is nullable), an empty list an empty array. A
    /// column of this type therefore has <see cref="ParquetColumn.Values"/> of type <c>T[][]</c> / <c>T?[][]</c>.
    /// </summary>
    public static ParquetColumnType List(ParquetColumnType elementType, bool elementNullable)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (elementType.Kind == ParquetTypeKind.List)
        {
            throw new ArgumentException("Lists of lists are not supported; only lists of primitive values are.", nameof(elementType));
        }

        var element = elementType.ClrType;
        var arrayType = elementNullable && element.IsValueType
            ? typeof(Nullable<>).MakeGenericType(element).MakeArrayType()
            : element.MakeArrayType();
        return new(ParquetTypeKind.List, arrayType) { ElementType = elementType, ElementNullable = elementNullable };
    }

    /// <summary>Integer annotation INT(bits, signed); INT(32,true) and INT(64,true) are <see cref="Int32"/> and <see cref="Int64"/>.</summary>
    public static ParquetColumnType Int(int bits, bool signed)
    {
        return (bits, signed) switch
        {
            (8, true) => new(ParquetTypeKind.Integer, typeof(sbyte)) { BitWidth = 8, IsSigned = true },
            (8, false) => new(ParquetTypeKind.Integer, typeof(byte)) { BitWidth = 8 },
            (16, true) => new(ParquetTypeKind.Integer, typeof(short)) { BitWidth = 16, IsSigned = true },
            (16, false) => new(ParquetTypeKind.Integer, typeof(ushort)) { BitWidth = 16 },
            (32, true) => Int32,
            (32, false) => new(ParquetTypeKind.Integer, typeof(uint)) { BitWidth = 32 },
            (64, true) => Int64,
            (64, false) => new(ParquetTypeKind.Integer, typeof(ulong)) { BitWidth = 64 },
            _ => throw new ArgumentOutOfRangeException(nameof(bits), bits, "Parquet integers are 8, 16, 32 or 64 bits wide."),
        };
    }

    /// <summary>FIXED_LEN_BYTE_ARRAY of <paramref name="length"/> bytes as <see cref="byte"/>[].</summary>
    public static ParquetColumnType FixedBytes(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new(ParquetTypeKind.FixedBytes, typeof(byte[])) { Length = length };
    }

    /// <summary>INT64 TIMESTAMP as <see cref="DateTime"/> (Kind Utc when <paramref name="adjustedToUtc"/>, else Unspecified).</summary>
    public static ParquetColumnType Timestamp(TimestampUnit unit, bool adjustedToUtc = true)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Use Millis, Micros or Nanos.");
        }

        return new(ParquetTypeKind.Timestamp, typeof(DateTime)) { Unit = unit, AdjustedToUtc = adjustedToUtc };
    }

    /// <summary>
    /// DECIMAL(precision, scale) as <see cref="decimal"/>; stored as INT32 (precision ≤ 9), INT64 (≤ 18),
    /// otherwise as the shortest FIXED_LEN_BYTE_ARRAY that holds the precision.
    /// </summary>
    public static ParquetColumnType Decimal(int precision, int scale)
    {
        if (precision is < 1 or > 38)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Decimal precision must be 1..38.");
        }

        if (scale < 0 || scale > precision || scale > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Decimal scale must be 0..precision and at most 28 (System.Decimal's limit).");
        }

        return new(ParquetTypeKind.Decimal, typeof(decimal))
        {
            Precision = precision,
            Scale = scale,
            Length = precision > 18 ? DecimalByteLength(precision) : 0,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ParquetTypeKind.Integer => $"Int({BitWidth}, {(IsSigned ? "signed" : "unsigned")})",
        ParquetTypeKind.FixedBytes => $"FixedBytes({Length})",
        ParquetTypeKind.Timestamp => $"Timestamp({Unit}, {(AdjustedToUtc ? "UTC" : "local")})",
        ParquetTypeKind.Decimal => $"Decimal({Precision}, {Scale})",
        ParquetTypeKind.List => $"List<{ElementType}{(ElementNullable ? "?" : "")}>",
        _ => Kind.ToString(),
    };

    /// <summary>Smallest two's-complement byte count that holds every value of <paramref name="precision"/> digits.</summary>
    internal static int DecimalByteLength(int precision)
    {
        var max = System.Numerics.BigInteger.Pow(10, precision);
        var bytes = 1;
        while (System.Numerics.BigInteger.Pow(2, (8 * bytes) - 1) < max)
        {
            bytes++;
        }

        return bytes;
    }
}
