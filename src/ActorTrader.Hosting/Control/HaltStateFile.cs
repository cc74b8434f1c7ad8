using System.Text.Json;
using ActorTrader.Hosting.Files;

namespace ActorTrader.Hosting.Control;

/// <summary>
/// The durable halt state: a small JSON file replaced atomically (temp + fsync + rename). Reading is
/// fail-closed: a file that exists (or may exist) but cannot be read or understood means halted, with an error naming it.
/// </summary>
public static class HaltStateFile
{
    private const int CurrentVersion = 1;

    /// <summary>Writes <paramref name="state"/> so that a crash leaves either the old or the new state.</summary>
    public static void Save(string path, HaltState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var document = new StoredHaltState(CurrentVersion, state.Halted, state.Reason, state.Since, state.HaltedBy);
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(document, StoredHaltState.JsonOptions));
    }

    /// <summary>Reads the state; absent means never halted, anything unreadable means halted (fail-closed).</summary>
    public static HaltStateLoad Load(string path, DateTimeOffset now)
    {
        string? why;
        try
        {
            // No File.Exists first: it answers false when the directory cannot be searched, which would read as "never halted".
            var stored = JsonSerializer.Deserialize<StoredHaltState>(File.ReadAllBytes(path), StoredHaltState.JsonOptions);
            why = stored switch
            {
                null => "it holds null instead of a halt state",
                { Version: not CurrentVersion } => $"it has version {stored.Version}, this node reads version {CurrentVersion}",
                { Halted: null } => "it has no \"halted\" field",
                _ => null,
            };
            if (why is null) return new HaltStateLoad(new HaltState(stored!.Halted!.Value, stored.Reason, stored.Since, stored.HaltedBy), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new HaltStateLoad(HaltState.Active, null);
        }
        catch (JsonException e)
        {
            why = $"it is not valid JSON ({e.Message})";
        }
        catch (IOException e)
        {
            why = $"it cannot be read ({e.Message})";
        }
        catch (UnauthorizedAccessException e)
        {
            why = $"it cannot be read ({e.Message})";
        }
        var error = $"The halt state file {path} is unreadable: {why}. The node stays halted (fail-closed). " +
                    "Fix: check what happened to the file, then run `actortrader resume` to write a fresh state.";
        return new HaltStateLoad(HaltState.HaltedNow(error, now, HaltState.ByFailClosed), error);
    }

    private sealed record StoredHaltState(int Version, bool? Halted, string? Reason, DateTimeOffset? Since, string? HaltedBy)
    {
        public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    }
}
