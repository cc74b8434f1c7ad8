using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>The snake_case names of <see cref="AssetProfile"/> used in scanner files (us_equity, etf, crypto, future).</summary>
public static class ProfileNames
{
    private static readonly Dictionary<string, AssetProfile> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us_equity"] = AssetProfile.UsEquity,
        ["etf"] = AssetProfile.Etf,
        ["crypto"] = AssetProfile.Crypto,
        ["future"] = AssetProfile.Future,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string name, out AssetProfile profile) => ByName.TryGetValue(name.Trim(), out profile);

    public static string Name(AssetProfile profile) => ByName.First(p => p.Value == profile).Key;
}
