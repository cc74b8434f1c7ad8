using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Tests.Support;

/// <summary>Seeded random schemas and column values covering every writable type.</summary>
public static class RandomColumns
{
    public static readonly ParquetColumnType[] WritableTypes =
    [
        ParquetColumnType.Boolean,
        ParquetColumnType.Int32,
        ParquetColumnType.Int64,
        ParquetColumnType.Int(8, true),
        ParquetColumnType.Int(8, false),
        ParquetColumnType.Int(16, true),
        ParquetColumnType.Int(16, false),
        ParquetColumnType.Int(32, false),
        ParquetColumnType.Int(64, false),
        ParquetColumnType.Float,
        ParquetColumnType.Double,
        ParquetColumnType.String,
        ParquetColumnType.Bytes,
        ParquetColumnType.FixedBytes(5),
        ParquetColumnType.Date,
        ParquetColumnType.Timestamp(TimestampUnit.Millis),
        ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: false),
        ParquetColumnType.Timestamp(TimestampUnit.Nanos),
        ParquetColumnType.Decimal(9, 2),
        ParquetColumnType.Decimal(18, 4),
        ParquetColumnType.Decimal(28, 6),
        ParquetColumnType.Decimal(38, 10),
    ];

    public static ParquetSchema Schema(Random random, int fieldCount)
    {
        var fields = new ParquetField[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            fields[i] = new ParquetField($"c{i}", WritableTypes[random.Next(WritableTypes.Length)], random.Next(2) == 0);
        }

        return new ParquetSchema(fields);
    }

    /// <summary>A column of <paramref name="rows"/> values; low-cardinality columns draw from a small pool so dictionaries kick in.</summary>
    public static ParquetColumn Column(Random random, ParquetField field, int rows, double nullRate, bool lowCardinality)
    {
        var pool = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Value(random, field.Type)).ToArray();
        var clr = field.Type.ClrType;
        var array = field.Nullable && clr.IsValueType
            ? Array.CreateInstance(typeof(Nullable<>).MakeGenericType(clr), rows)
            : Array.CreateInstance(clr, rows);
        for (var r = 0; r < rows; r++)
        {
            if (field.Nullable && random.NextDouble() < nullRate)
            {
                continue;
            }

            array.SetValue(lowCardinality ? pool[random.Next(pool.Length)] : Value(random, field.Type), r);
        }

        return new ParquetColumn(field, array);
    }

    public static object Value(Random random, ParquetColumnType type)
    {
        switch (type.Kind)
        {
            case ParquetTypeKind.Boolean:
                return random.Next(2) == 0;
            case ParquetTypeKind.Integer:
                var bits = Edge(random) ?? random.NextInt64(long.MinValue, long.MaxValue);
                return (type.BitWidth, type.IsSigned) switch
                {
                    (8, true) => (object)unchecked((sbyte)bits),
                    (8, false) => unchecked((byte)bits),
                    (16, true) => unchecked((short)bits),
                    (16, false) => unchecked((ushort)bits),
                    (32, true) => unchecked((int)bits),
                    (32, false) => unchecked((uint)bits),
                    (64, true) => bits,
                    _ => unchecked((ulong)bits),
                };
            case ParquetTypeKind.Float:
                return random.Next(20) switch
                {
                    0 => float.NaN,
                    1 => -0.0f,
                    2 => float.PositiveInfinity,
                    _ => (float)((random.NextDouble() - 0.5) * 1e6),
                };
            case ParquetTypeKind.Double:
                return random.Next(20) switch
                {
                    0 => double.NaN,
                    1 => -0.0,
                    2 => double.NegativeInfinity,
                    _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 15)),
                };
            case ParquetTypeKind.String:
                return RandomString(random);
            case ParquetTypeKind.Bytes:
                return RandomBytes(random, random.Next(0, 20));
            case ParquetTypeKind.FixedBytes:
                return RandomBytes(random, type.Length);
            case ParquetTypeKind.Date:
                return DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber + 1));
            case ParquetTypeKind.Timestamp:
                {
                    var kind = type.AdjustedToUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
                    if (type.Unit == TimestampUnit.Nanos)
                    {
                        // Nanoseconds in a long cover 1677..2262.
                        var low = new DateTime(1678, 1, 1).Ticks;
                        var high = new DateTime(2261, 12, 31).Ticks;
                        return new DateTime(random.NextInt64(low, high), kind);
                    }

                    var unit = type.Unit == TimestampUnit.Millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerMicrosecond;
                    var ticks = random.NextInt64(0, DateTime.MaxValue.Ticks / unit) * unit;
                    return new DateTime(ticks, kind);
                }

            case ParquetTypeKind.Decimal:
                {
                    var digits = Math.Min(type.Precision, 28);
                    Int128 limit = 1;
                    for (var i = 0; i < digits; i++)
                    {
                        limit *= 10;
                    }

                    var magnitude = (Int128)(((UInt128)(ulong)random.NextInt64() << 64 | (ulong)random.NextInt64()) % (UInt128)limit);
                    if (random.Next(10) == 0)
                    {
                        magnitude = limit - 1;
                    }

                    return DecimalScaling.FromUnscaled(random.Next(2) == 0 ? magnitude : -magnitude, type.Scale);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not writable");
        }
    }

    private static long? Edge(Random random) => random.Next(10) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        2 => 0,
        3 => -1,
        _ => null,
    };

    private static string RandomString(Random random)
    {
        var length = random.Next(0, 16);
        var chars = new List<char>(length * 2);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                    chars.Add((char)random.Next(0x80, 0x800));
                    break;
                case 1:
                    // A supplementary-plane character as a surrogate pair.
                    var codePoint = random.Next(0x10000, 0x10FFFF);
                    chars.AddRange(char.ConvertFromUtf32(codePoint));
                    break;
                case 2:
                    chars.Add((char)random.Next(0xE000, 0xFFFE));
                    break;
                default:
                    chars.Add((char)random.Next(0x20, 0x7F));
                    break;
            }
        }

        return new string(chars.ToArray());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
