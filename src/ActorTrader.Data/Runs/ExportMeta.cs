namespace ActorTrader.Data.Runs;

/// <summary>
/// What an export is: <see cref="Kind"/> (e.g. <c>candidates</c>), the <see cref="Source"/> that produced it (scanner or
/// provider name), whether its data is <see cref="Synthetic"/>, and optional extra fields that are added to the
/// <c>meta</c> object as they are.
/// </summary>
public sealed record ExportMeta(string Kind, string Source, bool Synthetic, IReadOnlyDictionary<string, object?>? Extra = null);
