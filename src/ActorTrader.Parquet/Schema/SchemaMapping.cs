using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Schema;

/// <summary>
/// Maps between the footer's schema tree (SchemaElement list) and flat <see cref="ParquetSchema"/>
/// fields, reading both LogicalType and the legacy ConvertedType and writing both.
/// </summary>
internal static class SchemaMapping
{
    /// <summary>Walks the depth-first element list into leaf descriptors.</summary>
    public static List<ColumnDescriptor> ReadLeaves(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new FormatException("the schema is empty (no root element)");
        }

        var leaves = new List<ColumnDescriptor>();
        var index = 1;
        var rootChildren = elements[0].NumChildren ?? 0;
        for (var c = 0; c < rootChildren; c++)
        {
            WalkTopLevel(elements, ref index, leaves);
        }

        if (index != elements.Count)
        {
            throw new FormatException($"the schema lists {elements.Count} elements but its tree covers {index}");
        }

        return leaves;
    }

    /// <summary>Creates the codec for a public type stored with the given physical type.</summary>
    public static ColumnCodec CreateCodec(ParquetColumnType type, PhysicalType physical, int typeLength)
    {
        return type.Kind switch
        {
            ParquetTypeKind.Boolean => new BooleanCodec(),
            ParquetTypeKind.Integer when physical == PhysicalType.Int32 => (type.BitWidth, type.IsSigned) switch
            {
                (8, true) => new IntegerCodec<int, sbyte>(),
                (8, false) => new IntegerCodec<int, byte>(),
                (16, true) => new IntegerCodec<int, short>(),
                (16, false) => new IntegerCodec<int, ushort>(),
                (32, false) => new IntegerCodec<int, uint>(),
                _ => new IntegerCodec<int, int>(),
            },
            ParquetTypeKind.Integer => type.IsSigned ? new IntegerCodec<long, long>() : new IntegerCodec<long, ulong>(),
            ParquetTypeKind.Float => new FloatingPointCodec<float>(),
            ParquetTypeKind.Double => new FloatingPointCodec<double>(),
            ParquetTypeKind.String => new StringCodec(),
            ParquetTypeKind.Bytes => new BytesCodec(PhysicalType.ByteArray, 0),
            ParquetTypeKind.FixedBytes => new BytesCodec(PhysicalType.FixedLenByteArray, typeLength),
            ParquetTypeKind.Date => new DateCodec(),
            ParquetTypeKind.Timestamp => new TimestampCodec(type.Unit, type.AdjustedToUtc),
            ParquetTypeKind.Decimal => physical switch
            {
                PhysicalType.Int32 => new DecimalIntegerCodec<int>(type.Precision, type.Scale),
                PhysicalType.Int64 => new DecimalIntegerCodec<long>(type.Precision, type.Scale),
                _ => new DecimalBinaryCodec(physical, typeLength, type.Precision, type.Scale),
            },
            ParquetTypeKind.Int96 => new Int96Codec(),
            _ => throw new NotSupportedException($"Column type {type} has no codec."),
        };
    }

    /// <summary>Physical type and length a field is written with.</summary>
    public static (PhysicalType Physical, int TypeLength) PhysicalFor(ParquetColumnType type) => type.Kind switch
    {
        ParquetTypeKind.Boolean => (PhysicalType.Boolean, 0),
        ParquetTypeKind.Integer => (type.BitWidth == 64 ? PhysicalType.Int64 : PhysicalType.Int32, 0),
        ParquetTypeKind.Float => (PhysicalType.Float, 0),
        ParquetTypeKind.Double => (PhysicalType.Double, 0),
        ParquetTypeKind.String or ParquetTypeKind.Bytes => (PhysicalType.ByteArray, 0),
        ParquetTypeKind.FixedBytes => (PhysicalType.FixedLenByteArray, type.Length),
        ParquetTypeKind.Date => (PhysicalType.Int32, 0),
        ParquetTypeKind.Timestamp => (PhysicalType.Int64, 0),
        ParquetTypeKind.Decimal when type.Precision <= 9 => (PhysicalType.Int32, 0),
        ParquetTypeKind.Decimal when type.Precision <= 18 => (PhysicalType.Int64, 0),
        ParquetTypeKind.Decimal => (PhysicalType.FixedLenByteArray, type.Length),
        _ => throw new NotSupportedException($"Columns of type {type} cannot be written; legacy INT96 is read-only, use Timestamp."),
    };

    /// <summary>The schema element written for a field, with both LogicalType and ConvertedType.</summary>
    public static SchemaElement ToElement(ParquetField field)
    {
        var type = field.Type;
        var (physical, length) = PhysicalFor(type);
        var element = new SchemaElement
        {
            Name = field.Name,
            Type = physical,
            TypeLength = physical == PhysicalType.FixedLenByteArray ? length : null,
            Repetition = field.Nullable ? Repetition.Optional : Repetition.Required,
        };
        switch (type.Kind)
        {
            case ParquetTypeKind.String:
                element.ConvertedType = ConvertedType.Utf8;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.String };
                break;
            case ParquetTypeKind.Date:
                element.ConvertedType = ConvertedType.Date;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Date };
                break;
            case ParquetTypeKind.Decimal:
                element.ConvertedType = ConvertedType.Decimal;
                element.Scale = type.Scale;
                element.Precision = type.Precision;
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Decimal, Scale = type.Scale, Precision = type.Precision };
                break;
            case ParquetTypeKind.Timestamp:
                // ConvertedType has no nanos and implies UTC, so it is written only where it means the same thing.
                if (type.AdjustedToUtc && type.Unit != TimestampUnit.Nanos)
                {
                    element.ConvertedType = type.Unit == TimestampUnit.Millis ? ConvertedType.TimestampMillis : ConvertedType.TimestampMicros;
                }

                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Timestamp, IsAdjustedToUtc = type.AdjustedToUtc, Unit = type.Unit };
                break;
            case ParquetTypeKind.Integer when !(type.IsSigned && type.BitWidth is 32 or 64):
                element.ConvertedType = (type.BitWidth, type.IsSigned) switch
                {
                    (8, true) => ConvertedType.Int8,
                    (16, true) => ConvertedType.Int16,
                    (8, false) => ConvertedType.Uint8,
                    (16, false) => ConvertedType.Uint16,
                    (32, false) => ConvertedType.Uint32,
                    _ => ConvertedType.Uint64,
                };
                element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = type.BitWidth, IsSigned = type.IsSigned };
                break;
        }

        return element;
    }

    /// <summary>The public type of a primitive element, or an explanation why it is not supported.</summary>
    public static ParquetColumnType? TypeOf(SchemaElement e, out string? unsupported)
    {
        unsupported = null;
        var logical = e.LogicalType;
        var converted = e.ConvertedType;
        switch (e.Type)
        {
            case PhysicalType.Boolean:
                return ParquetColumnType.Boolean;
            case PhysicalType.Int32:
                if (logical is { Kind: LogicalTypeKind.Integer })
                {
                    return logical.BitWidth is 8 or 16 or 32
                        ? ParquetColumnType.Int(logical.BitWidth, logical.IsSigned)
                        : Unsupported($"INT32 annotated INT({logical.BitWidth})", out unsupported);
                }

                if (logical is { Kind: LogicalTypeKind.Date } || converted == ConvertedType.Date)
                {
                    return ParquetColumnType.Date;
                }

                if (logical is { Kind: LogicalTypeKind.Decimal } || converted == ConvertedType.Decimal)
                {
                    return DecimalOf(e, logical, out unsupported);
                }

                return converted switch
                {
                    ConvertedType.Int8 => ParquetColumnType.Int(8, true),
                    ConvertedType.Int16 => ParquetColumnType.Int(16, true),
                    ConvertedType.Uint8 => ParquetColumnType.Int(8, false),
                    ConvertedType.Uint16 => ParquetColumnType.Int(16, false),
                    ConvertedType.Uint32 => ParquetColumnType.Int(32, false),
                    _ => ParquetColumnType.Int32,
                };
            case PhysicalType.Int64:
                if (logical is { Kind: LogicalTypeKind.Integer })
                {
                    return logical.BitWidth == 64
                        ? ParquetColumnType.Int(64, logical.IsSigned)
                        : Unsupported($"INT64 annotated INT({logical.BitWidth})", out unsupported);
                }

                if (logical is { Kind: LogicalTypeKind.Timestamp })
                {
                    return ParquetColumnType.Timestamp(logical.Unit, logical.IsAdjustedToUtc);
                }

                if (logical is { Kind: LogicalTypeKind.Decimal } || converted == ConvertedType.Decimal)
                {
                    return DecimalOf(e, logical, out unsupported);
                }

                return converted switch
                {
                    ConvertedType.TimestampMillis => ParquetColumnType.Timestamp(TimestampUnit.Millis),
                    ConvertedType.TimestampMicros => ParquetColumnType.Timestamp(TimestampUnit.Micros),
                    ConvertedType.Uint64 => ParquetColumnType.Int(64, false),
                    _ => ParquetColumnType.Int64,
                };
            case PhysicalType.Int96:
                return ParquetColumnType.Int96;
            case PhysicalType.Float:
                return ParquetColumnType.Float;
            case PhysicalType.Double:
                return ParquetColumnType.Double;
            case PhysicalType.ByteArray:
                if (logical is { Kind: LogicalTypeKind.Decimal } || converted == ConvertedType.Decimal)
                {
                    return DecimalOf(e, logical, out unsupported);
                }

                if (logical is { Kind: LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json }
                    || converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json)
                {
                    return ParquetColumnType.String;
                }

                return ParquetColumnType.Bytes;
            case PhysicalType.FixedLenByteArray:
                if (e.TypeLength is not > 0)
                {
                    return Unsupported("FIXED_LEN_BYTE_ARRAY without a positive type_length", out unsupported);
                }

                if (logical is { Kind: LogicalTypeKind.Decimal } || converted == ConvertedType.Decimal)
                {
                    return DecimalOf(e, logical, out unsupported);
                }

                return ParquetColumnType.FixedBytes(e.TypeLength.Value);
            default:
                return Unsupported($"physical type {(int?)e.Type}", out unsupported);
        }
    }

    private static ParquetColumnType? DecimalOf(SchemaElement e, LogicalType? logical, out string? unsupported)
    {
        unsupported = null;
        var precision = logical is { Kind: LogicalTypeKind.Decimal } ? logical.Precision : e.Precision ?? 0;
        var scale = logical is { Kind: LogicalTypeKind.Decimal } ? logical.Scale : e.Scale ?? 0;
        if (precision is < 1 or > 38 || scale < 0 || scale > precision || scale > 28)
        {
            return Unsupported($"DECIMAL({precision}, {scale})", out unsupported);
        }

        return ParquetColumnType.Decimal(precision, scale);
    }

    private static ParquetColumnType? Unsupported(string what, out string? unsupported)
    {
        unsupported = $"{what} is not supported";
        return null;
    }

    private static void WalkTopLevel(IReadOnlyList<SchemaElement> elements, ref int index, List<ColumnDescriptor> leaves)
    {
        var start = index;
        var before = leaves.Count;
        WalkNode(elements, ref index, [], 0, 0, leaves);

        // A list of primitives has exactly one leaf under its top-level field.
        if (leaves.Count == before + 1)
        {
            RecogniseList(elements, start, leaves);
        }
    }

    private static void WalkNode(IReadOnlyList<SchemaElement> elements, ref int index, List<string> parentPath, int definition, int repetition, List<ColumnDescriptor> leaves)
    {
        if (index >= elements.Count)
        {
            throw new FormatException($"the schema tree needs more than the {elements.Count} elements listed");
        }

        var e = elements[index++];
        var path = new List<string>(parentPath) { e.Name };
        var repetitionType = e.Repetition ?? Repetition.Required;
        if (repetitionType != Repetition.Required)
        {
            definition++;
        }

        if (repetitionType == Repetition.Repeated)
        {
            repetition++;
        }

        if (e.NumChildren is > 0)
        {
            if (path.Count > 64)
            {
                throw new FormatException("the schema is nested deeper than 64 levels");
            }

            for (var c = 0; c < e.NumChildren.Value; c++)
            {
                WalkNode(elements, ref index, path, definition, repetition, leaves);
            }

            return;
        }

        if (e.Type is null)
        {
            throw new FormatException($"schema element '{string.Join('.', path)}' has neither a type nor children");
        }

        var type = TypeOf(e, out var unsupported);
        if (repetition > 0)
        {
            unsupported ??= "it is a repeated column that is not a top-level LIST of primitives (maps, nested lists and lists inside structs are not supported)";
        }

        var typeLength = e.TypeLength ?? 0;
        ColumnCodec? codec = null;
        ParquetField? field = null;
        if (repetition == 0 && unsupported is null && type is not null)
        {
            codec = CreateCodec(type, e.Type.Value, typeLength);
            field = new ParquetField(string.Join('.', path), type, definition > 0);
        }

        leaves.Add(new ColumnDescriptor(leaves.Count, path, field, e.Type.Value, typeLength, definition, repetition, codec, unsupported));
    }

    private static bool IsListAnnotated(SchemaElement e) =>
        e.LogicalType is { Kind: LogicalTypeKind.List } || e.ConvertedType == ConvertedType.List;

    /// <summary>
    /// Turns the leaf of a top-level list of primitives into a list column. Accepted shapes (Parquet
    /// LogicalTypes.md, "Lists" and its backward-compatibility rules): the 3-level
    /// <c>&lt;opt|req&gt; group x (LIST) { repeated group list { &lt;opt|req&gt; prim element; } }</c>, the 2-level
    /// <c>group x (LIST) { repeated prim element; }</c>, and a bare top-level <c>repeated prim x</c>.
    /// </summary>
    private static void RecogniseList(IReadOnlyList<SchemaElement> elements, int start, List<ColumnDescriptor> leaves)
    {
        var top = elements[start];
        var leaf = leaves[^1];
        if (leaf.MaxRepetitionLevel != 1)
        {
            return;
        }

        var topDefinition = top.Repetition is Repetition.Optional ? 1 : 0;
        int emptyLevel;
        SchemaElement element;
        if (top.NumChildren is null or 0)
        {
            // Bare "repeated prim x": never null, empty when no value is defined.
            element = top;
            emptyLevel = 0;
        }
        else if (IsListAnnotated(top) && top.NumChildren == 1 && top.Repetition is not Repetition.Repeated)
        {
            var repeated = elements[start + 1];
            if (repeated.Repetition != Repetition.Repeated)
            {
                return;
            }

            if (repeated.NumChildren is null or 0)
            {
                element = repeated;
            }
            else if (repeated.NumChildren == 1 && elements[start + 2] is { NumChildren: null or 0 } child && child.Repetition != Repetition.Repeated)
            {
                element = child;
            }
            else
            {
                return;
            }

            emptyLevel = topDefinition;
        }
        else
        {
            return;
        }

        var elementType = TypeOf(element, out var unsupported);
        if (elementType is null)
        {
            leaves[^1] = leaf with { UnsupportedReason = $"it is a list of {unsupported}" };
            return;
        }

        var elementNullable = leaf.MaxDefinitionLevel > emptyLevel + 1;
        var field = new ParquetField(top.Name, ParquetColumnType.List(elementType, elementNullable), emptyLevel > 0);
        leaves[^1] = leaf with
        {
            Field = field,
            Codec = CreateCodec(elementType, leaf.Physical, leaf.TypeLength),
            UnsupportedReason = null,
            ListEmptyDefinitionLevel = emptyLevel,
        };
    }
}
