using System.Text.Json;
using ActorTrader.Hosting.Files;

namespace ActorTrader.Hosting.Management;

/// <summary>Reads and writes the endpoint file (atomically, so the CLI never sees half a file).</summary>
public static class EndpointFile
{
    public static void Write(string path, NodeEndpoint endpoint) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(endpoint, ManagementJson.Indented));

    /// <summary>The endpoint, or null when no node has written one; throws <see cref="InvalidDataException"/> naming a corrupt file.</summary>
    public static NodeEndpoint? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<NodeEndpoint>(File.ReadAllBytes(path), ManagementJson.Options)
                ?? throw new InvalidDataException($"The endpoint file {path} holds null. Fix: delete it; a running node rewrites it on start.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The endpoint file {path} is not valid JSON ({e.Message}). Fix: delete it; a running node rewrites it on start.", e);
        }
    }

    /// <summary>Deletes the file if it still names <paramref name="pid"/> (a newer node may have replaced it).</summary>
    public static void DeleteIfOwned(string path, int pid)
    {
        if (Read(path) is { } endpoint && endpoint.Pid == pid) File.Delete(path);
    }
}
