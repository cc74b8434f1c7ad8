using System.Text.Json;

namespace ActorTrader.Hosting.Management;

/// <summary>JSON settings both ends of the management API use (camelCase, as ASP.NET Core's web defaults).</summary>
public static class ManagementJson
{
    public static JsonSerializerOptions Options { get; } = Freeze(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Indented { get; } = Freeze(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
