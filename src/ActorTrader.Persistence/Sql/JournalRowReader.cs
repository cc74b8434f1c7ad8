using System.Data.Common;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Sql;

/// <summary>Turns a row selected with <see cref="JournalTable.SelectColumns"/> into a <see cref="PersistentRepr"/>, bytes as stored.</summary>
internal static class JournalRowReader
{
    public static PersistentRepr Read(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new PersistentRepr(
            PersistenceId: reader.GetString(1),
            SequenceNr: reader.GetInt64(2),
            Manifest: reader.GetString(3),
            Payload: reader.GetFieldValue<byte[]>(4),
            Timestamp: new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
            Tags: ReadTags(reader.GetValue(6)),
            WriterId: reader.GetString(7),
            Epoch: reader.GetInt64(8))
        {
            Ordering = reader.GetInt64(0),
            IsDeleted = reader.GetBoolean(9),
        };
    }

    // SQLite stores tags as separator-framed text, PostgreSQL as text[] (so it can index them).
    private static IReadOnlyList<string> ReadTags(object value) => value switch
    {
        string[] array => array,
        string encoded => TagEncoding.Decode(encoded),
        DBNull => [],
        _ => throw new PersistenceStoreException(
            $"Column {JournalTable.Tags} holds a {value.GetType().Name}, expected text or text[]. Fix: the table was not created by ActorTrader; recreate it with the ActorTrader schema."),
    };
}
