using System.Runtime.Versioning;
using ActorTrader.Hosting.Security;

namespace ActorTrader.Hosting.Tests.Security;

[UnsupportedOSPlatform("windows")]
public sealed class TokenFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TokenPath => Path.Combine(_dir.Path, "state", "management.token");

    [Fact]
    public void The_first_start_creates_the_file_with_mode_0600_and_a_random_token()
    {
        var (token, created) = TokenFile.EnsureExists(TokenPath);

        Assert.True(created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenPath));
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Equal(token, File.ReadAllText(TokenPath));
    }

    [Fact]
    public void A_later_start_reuses_the_existing_token()
    {
        var (first, _) = TokenFile.EnsureExists(TokenPath);

        var (second, created) = TokenFile.EnsureExists(TokenPath);

        Assert.False(created);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Two_token_files_get_different_tokens()
    {
        var (a, _) = TokenFile.EnsureExists(TokenPath);
        var (b, _) = TokenFile.EnsureExists(_dir.File("other.token"));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_token_file_readable_by_others_is_refused_with_the_chmod_fix()
    {
        TokenFile.EnsureExists(TokenPath);
        File.SetUnixFileMode(TokenPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<TokenFileException>(() => TokenFile.Read(TokenPath));

        Assert.Contains($"chmod 600 {TokenPath}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_token_file_is_named_with_the_fix()
    {
        var error = Assert.Throws<TokenFileException>(() => TokenFile.Read(TokenPath));

        Assert.Contains(TokenPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("./run.sh", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer abc123", true)]
    [InlineData("bearer abc123", true)]
    [InlineData("Bearer abc124", false)]
    [InlineData("Bearer abc12", false)]
    [InlineData("Basic abc123", false)]
    [InlineData("abc123", false)]
    [InlineData(null, false)]
    public void Only_the_exact_bearer_token_matches(string? header, bool matches) =>
        Assert.Equal(matches, BearerToken.Matches(header, "abc123"));
}
