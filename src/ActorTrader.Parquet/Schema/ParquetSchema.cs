namespace ActorTrader.Parquet;

/// <summary>The ordered flat columns of a Parquet file.</summary>
public sealed record ParquetSchema(IReadOnlyList<ParquetField> Fields)
{
    /// <summary>Creates a schema from fields in column order.</summary>
    public ParquetSchema(params ParquetField[] fields)
        : this((IReadOnlyList<ParquetField>)fields)
    {
    }

    /// <summary>Index of the column called <paramref name="name"/> (ordinal comparison), or -1 when absent.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Schemas are equal when they have the same fields in the same order.</summary>
    public bool Equals(ParquetSchema? other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var field in Fields)
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        "(" + string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Type}{(f.Nullable ? "?" : string.Empty)}")) + ")";
}
