using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Conformance;

/// <summary>lightbend/config's equivalence suites: every .conf/.json in a folder resolves to that folder's original.json.</summary>
public sealed class EquivalenceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "hocon");

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name != "original.json" && Path.GetExtension(name) is ".conf" or ".json")
                {
                    cases.Add(Path.GetFileName(folder), name);
                }
            }
        }

        return cases;
    }

    [Fact]
    public void Every_equivalence_folder_has_cases()
    {
        var folders = Cases().Select(row => (string)row[0]).Distinct().ToList();

        Assert.Equal(["equiv01", "equiv02", "equiv03", "equiv04", "equiv05"], folders);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void File_resolves_to_the_folders_original_json(string folder, string file)
    {
        var expected = File.ReadAllText(Path.Combine(Root, folder, "original.json"));

        var config = ConfigurationFactory.ParseFile(Path.Combine(Root, folder, file), new HoconParseOptions { UseEnvironment = false });

        Assert.Null(JsonEquivalence.Difference(expected, config.ToJson()));
    }

    public static TheoryData<string> Folders() =>
        new(Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Folders))]
    public void Original_json_parsed_as_hocon_matches_itself(string folder)
    {
        var path = Path.Combine(Root, folder, "original.json");

        var config = ConfigurationFactory.ParseFile(path, new HoconParseOptions { UseEnvironment = false });

        Assert.Null(JsonEquivalence.Difference(File.ReadAllText(path), config.ToJson()));
    }
}
