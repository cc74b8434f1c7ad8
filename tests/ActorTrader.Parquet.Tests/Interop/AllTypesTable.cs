using System.Text;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>
/// A table with every column type of the public API, required and nullable, whose value in each cell is a
/// pure function of (column, row): any row range can be generated on its own, so a file can be written in
/// many row groups and the expected rows rebuilt independently. Edge values (type minima and maxima,
/// NaN, infinities, -0, empty and non-ASCII strings) sit in the first rows.
/// </summary>
internal static class AllTypesTable
{
    public static ParquetSchema Schema { get; } = new(
        new ParquetField("id", ParquetColumnType.Int64),
        new ParquetField("flag", ParquetColumnType.Boolean),
        new ParquetField("flag_opt", ParquetColumnType.Boolean, Nullable: true),
        new ParquetField("i8", ParquetColumnType.Int(8, signed: true)),
        new ParquetField("u8", ParquetColumnType.Int(8, signed: false)),
        new ParquetField("i16", ParquetColumnType.Int(16, signed: true)),
        new ParquetField("u16", ParquetColumnType.Int(16, signed: false)),
        new ParquetField("i32", ParquetColumnType.Int32),
        new ParquetField("i32_opt", ParquetColumnType.Int32, Nullable: true),
        new ParquetField("u32", ParquetColumnType.Int(32, signed: false)),
        new ParquetField("i64", ParquetColumnType.Int64),
        new ParquetField("u64", ParquetColumnType.Int(64, signed: false)),
        new ParquetField("u64_opt", ParquetColumnType.Int(64, signed: false), Nullable: true),
        new ParquetField("f32", ParquetColumnType.Float),
        new ParquetField("f64", ParquetColumnType.Double),
        new ParquetField("f64_opt", ParquetColumnType.Double, Nullable: true),
        new ParquetField("symbol", ParquetColumnType.String),
        new ParquetField("text_opt", ParquetColumnType.String, Nullable: true),
        new ParquetField("bytes_opt", ParquetColumnType.Bytes, Nullable: true),
        new ParquetField("fixed16", ParquetColumnType.FixedBytes(16)),
        new ParquetField("day", ParquetColumnType.Date),
        new ParquetField("day_opt", ParquetColumnType.Date, Nullable: true),
        new ParquetField("ts_ms", ParquetColumnType.Timestamp(TimestampUnit.Millis)),
        new ParquetField("ts_us", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("ts_ns", ParquetColumnType.Timestamp(TimestampUnit.Nanos)),
        new ParquetField("ts_local", ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: false)),
        new ParquetField("ts_ns_local", ParquetColumnType.Timestamp(TimestampUnit.Nanos, adjustedToUtc: false)),
        new ParquetField("ts_opt", ParquetColumnType.Timestamp(TimestampUnit.Micros), Nullable: true),
        new ParquetField("dec9", ParquetColumnType.Decimal(9, 2)),
        new ParquetField("dec18", ParquetColumnType.Decimal(18, 4)),
        new ParquetField("dec28_opt", ParquetColumnType.Decimal(28, 6), Nullable: true),
        new ParquetField("dec38", ParquetColumnType.Decimal(38, 10)));

    /// <summary>The DuckDB type each column must be read as (DuckDB's own type names).</summary>
    public static IReadOnlyDictionary<string, string> DuckDbTypes { get; } = new Dictionary<string, string>
    {
        ["id"] = "BIGINT", ["flag"] = "BOOLEAN", ["flag_opt"] = "BOOLEAN",
        ["i8"] = "TINYINT", ["u8"] = "UTINYINT", ["i16"] = "SMALLINT", ["u16"] = "USMALLINT",
        ["i32"] = "INTEGER", ["i32_opt"] = "INTEGER", ["u32"] = "UINTEGER",
        ["i64"] = "BIGINT", ["u64"] = "UBIGINT", ["u64_opt"] = "UBIGINT",
        ["f32"] = "FLOAT", ["f64"] = "DOUBLE", ["f64_opt"] = "DOUBLE",
        ["symbol"] = "VARCHAR", ["text_opt"] = "VARCHAR", ["bytes_opt"] = "BLOB", ["fixed16"] = "BLOB",
        ["day"] = "DATE", ["day_opt"] = "DATE",
        ["ts_ms"] = "TIMESTAMP WITH TIME ZONE", ["ts_us"] = "TIMESTAMP WITH TIME ZONE", ["ts_ns"] = "TIMESTAMP WITH TIME ZONE",
        ["ts_local"] = "TIMESTAMP", ["ts_ns_local"] = "TIMESTAMP_NS", ["ts_opt"] = "TIMESTAMP WITH TIME ZONE",
        ["dec9"] = "DECIMAL(9,2)", ["dec18"] = "DECIMAL(18,4)", ["dec28_opt"] = "DECIMAL(28,6)", ["dec38"] = "DECIMAL(38,10)",
    };

    private static readonly DateTime Epoch = DateTime.UnixEpoch;
    private static readonly string[] Symbols = ["AAPL", "MSFT", "SPY", "QQQ", "BRK.B", "ÄÖÜ", "東証", "X"];
    private static readonly string[] SpecialTexts = ["", "Zürich ✓ 株式", "\"quoted\", comma\nnew line", new string('z', 5000)];

    /// <summary>The columns of rows [<paramref name="first"/>, first + count), in schema order.</summary>
    public static IReadOnlyList<ParquetColumn> Columns(long first, int count) =>
        Schema.Fields.Select(field => new ParquetColumn(field, Values(field, first, count))).ToList();

    /// <summary>Row <paramref name="row"/> as CLR values in schema order.</summary>
    public static object?[] Row(long row) => Schema.Fields.Select(f => Value(f.Name, row)).ToArray();

    private static Array Values(ParquetField field, long first, int count)
    {
        var clr = field.Type.ClrType;
        var element = field.Nullable && clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
        var values = Array.CreateInstance(element, count);
        for (var i = 0; i < count; i++) values.SetValue(Value(field.Name, first + i), i);
        return values;
    }

    /// <summary>The value of one cell; nullable columns have nulls on fixed strides (and row 0).</summary>
    public static object? Value(string column, long row)
    {
        var r = Mix(row, column);
        return column switch
        {
            "id" => row,
            "flag" => (r & 1) == 1,
            "flag_opt" => row % 3 == 0 ? null : (r & 1) == 1,
            "i8" => row switch { 0 => sbyte.MinValue, 1 => sbyte.MaxValue, _ => (sbyte)r },
            "u8" => row switch { 0 => byte.MinValue, 1 => byte.MaxValue, _ => (byte)r },
            "i16" => row switch { 0 => short.MinValue, 1 => short.MaxValue, _ => (short)r },
            "u16" => row switch { 0 => ushort.MinValue, 1 => ushort.MaxValue, _ => (ushort)r },
            "i32" => row switch { 0 => int.MinValue, 1 => int.MaxValue, _ => (int)r },
            "i32_opt" => row % 4 == 0 ? null : (int)(r % 1000),
            "u32" => row switch { 0 => uint.MinValue, 1 => uint.MaxValue, _ => (uint)r },
            "i64" => row switch { 0 => long.MinValue, 1 => long.MaxValue, _ => (long)r },
            "u64" => row switch { 0 => ulong.MinValue, 1 => ulong.MaxValue, _ => r },
            "u64_opt" => row % 5 == 0 ? null : r,
            "f32" => row switch
            {
                0 => float.NaN, 1 => float.PositiveInfinity, 2 => float.NegativeInfinity, 3 => -0f,
                4 => float.Epsilon, 5 => float.MaxValue, _ => (float)((r % 2_000_000) / 7.0 - 100_000),
            },
            "f64" => row switch
            {
                0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity, 3 => -0d,
                4 => double.Epsilon, 5 => double.MaxValue, 6 => 1e-300, _ => BitConverter.Int64BitsToDouble((long)(r >> 2) | 0x3000_0000_0000_0000),
            },
            "f64_opt" => row % 6 == 0 ? null : (r % 100_000) / 100.0,
            "symbol" => Symbols[r % (ulong)Symbols.Length],
            "text_opt" => row % 7 == 0 ? null : row < SpecialTexts.Length + 1 ? SpecialTexts[row - 1] : $"text-{r:x}",
            "bytes_opt" => row % 11 == 0 ? null : row == 1 ? Array.Empty<byte>() : Bytes(r, (int)(r % 40)),
            "fixed16" => Bytes(r, 16),
            "day" => row switch { 0 => DateOnly.MinValue, 1 => DateOnly.MaxValue, _ => DateOnly.FromDayNumber(719_162 + (int)(r % 40_000) - 10_000) },
            "day_opt" => row % 8 == 0 ? null : DateOnly.FromDayNumber(719_162 + (int)(r % 20_000)),
            "ts_ms" => Epoch.AddTicks((1_600_000_000_000 + row * 1000 + (long)(r % 1000)) * TimeSpan.TicksPerMillisecond),
            "ts_us" => Epoch.AddTicks(16_000_000_000_000_000 + row * 10_000_000 + (long)(r % 1_000_000) * 10), // increasing: delta encoding's case
            "ts_ns" => Epoch.AddTicks(16_000_000_000_000_000 + row * 10_000_000 + (long)(r % 10_000_000)),
            "ts_local" => DateTime.SpecifyKind(Epoch.AddTicks((long)(r % 4_000_000_000_000_000) * 10 - 10_000_000_000_000_000), DateTimeKind.Unspecified),
            "ts_ns_local" => DateTime.SpecifyKind(Epoch.AddTicks((long)(r % 40_000_000_000_000_000) - 10_000_000_000_000_000), DateTimeKind.Unspecified),
            "ts_opt" => row % 9 == 0 ? null : Epoch.AddTicks((long)(r % 4_000_000_000_000_000) * 10),
            "dec9" => Scaled((long)(r % 1_999_999_999) - 999_999_999, 2, row),
            "dec18" => Scaled((long)(r % 1_999_999_999_999_999_999) - 999_999_999_999_999_999, 4, row),
            "dec28_opt" => row % 10 == 0 ? null : new decimal((int)r, (int)(r >> 32), (int)(r % 0x7FFF_FFFF) & 0x1FFF_FFFF, (r & 2) == 2, 6),
            "dec38" => new decimal((int)r, (int)(r >> 32), (int)(r % 0x7FFF_FFFF), (r & 4) == 4, 10),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a column of the all-types table."),
        };
    }

    // Row 0 and 1 hold the extreme unscaled values of the precision: 10^p - 1 and its negation.
    private static decimal Scaled(long unscaled, int scale, long row)
    {
        var limit = scale == 2 ? 999_999_999L : 999_999_999_999_999_999L;
        var value = row switch { 0 => -limit, 1 => limit, _ => unscaled };
        return new decimal(value) / (scale == 2 ? 100m : 10_000m);
    }

    private static byte[] Bytes(ulong seed, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = (byte)Mix(seed + (ulong)i, "bytes");
        return bytes;
    }

    // SplitMix64 of the row, salted by the column name, so columns are independent of each other.
    private static ulong Mix(long row, string salt) => Mix((ulong)row, salt);

    private static ulong Mix(ulong row, string salt)
    {
        var z = row + 0x9E37_79B9_7F4A_7C15UL * (ulong)(1 + Encoding.UTF8.GetBytes(salt).Aggregate(17, (h, b) => h * 31 + b));
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
