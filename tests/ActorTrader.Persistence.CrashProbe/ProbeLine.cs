using System.Globalization;

namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// One line of the probe's stdout. The probe writes them and the crash tests parse them, so the format lives
/// in one place. Every line is a single small write to a pipe, which the kernel delivers whole even when the
/// process is killed right after it.
/// </summary>
public abstract record ProbeLine
{
    public abstract string Format();

    /// <summary>Parses a line written by <see cref="Format"/>; anything else is an error naming the line.</summary>
    public static ProbeLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ');
        return (fields[0], fields.Length) switch
        {
            (RecoveredLine.Keyword, 6) => new RecoveredLine(fields[1], Long(fields[2], line), Long(fields[3], line), Long(fields[4], line), Long(fields[5], line)),
            (AckLine.Keyword, 4) => new AckLine(fields[1], Long(fields[2], line), Long(fields[3], line)),
            (SnapshotSavingLine.Keyword, 3) => new SnapshotSavingLine(fields[1], Long(fields[2], line)),
            (SnapshotSavedLine.Keyword, 3) => new SnapshotSavedLine(fields[1], Long(fields[2], line)),
            _ => throw new FormatException($"Unrecognised probe output line \"{line}\"; expected one of: {RecoveredLine.Keyword}, {AckLine.Keyword}, {SnapshotSavingLine.Keyword}, {SnapshotSavedLine.Keyword} with their fields."),
        };
    }

    private static long Long(string field, string line) =>
        long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Field \"{field}\" of probe output line \"{line}\" is not an integer.");
}

/// <summary>An actor finished recovery: its highest sequence number, state and the snapshot it started from (0 = none); printed before it persists anything new.</summary>
public sealed record RecoveredLine(string PersistenceId, long LastSequenceNr, long Count, long Checksum, long SnapshotSequenceNr) : ProbeLine
{
    public const string Keyword = "recovered";

    public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{Keyword} {PersistenceId} {LastSequenceNr} {Count} {Checksum} {SnapshotSequenceNr}");
}

/// <summary>An event is durable: printed from the persist handler, which runs only after the journal write completed.</summary>
public sealed record AckLine(string PersistenceId, long SequenceNr, long Value) : ProbeLine
{
    public const string Keyword = "ack";

    public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{Keyword} {PersistenceId} {SequenceNr} {Value}");
}

/// <summary>The actor asked for a snapshot of its state after event <see cref="SequenceNr"/>.</summary>
public sealed record SnapshotSavingLine(string PersistenceId, long SequenceNr) : ProbeLine
{
    public const string Keyword = "snapshot-saving";

    public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{Keyword} {PersistenceId} {SequenceNr}");
}

/// <summary>The snapshot store confirmed the snapshot after event <see cref="SequenceNr"/>.</summary>
public sealed record SnapshotSavedLine(string PersistenceId, long SequenceNr) : ProbeLine
{
    public const string Keyword = "snapshot-saved";

    public override string Format() => string.Create(CultureInfo.InvariantCulture, $"{Keyword} {PersistenceId} {SequenceNr}");
}
