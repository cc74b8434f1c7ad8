using System.Data.Common;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence.Sql;

/// <summary>Turns a row selected with <see cref="SnapshotTable.SelectColumns"/> into a <see cref="SnapshotRow"/>, bytes as stored.</summary>
internal static class SnapshotRowReader
{
    public static SnapshotRow Read(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var metadata = new SnapshotMetadata(reader.GetString(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        return new SnapshotRow(metadata, reader.GetString(3), reader.GetFieldValue<byte[]>(4));
    }
}
