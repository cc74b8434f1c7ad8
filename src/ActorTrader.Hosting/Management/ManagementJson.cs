using System.Text.Json;

namespace ActorTrader.Hosting.Management;

/// <summary>JSON settings both ends of the management API use (camelCase, as ASP.NET Core's web defaults).</summary>
public static class ManagementJson
{
    public static JsonSerializerOptions Options { get; } = Freeze(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    // For people and files, not HTML: '+' and '<' stay readable instead of \u002B and \u003C.
    public static JsonSerializerOptions Indented { get; } = Freeze(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
