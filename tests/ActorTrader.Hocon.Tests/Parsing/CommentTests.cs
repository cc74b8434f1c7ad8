using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class CommentTests
{
    [Fact]
    public void Hash_comment_runs_to_the_end_of_the_line()
    {
        var config = HoconText.Parse("a = 1 # b = 2\nc = 3");

        Assert.Equal(["a", "c"], config.Keys);
    }

    [Fact]
    public void Double_slash_comment_runs_to_the_end_of_the_line()
    {
        var config = HoconText.Parse("// header\na = 1 // b = 2\nc = 3");

        Assert.Equal(["a", "c"], config.Keys);
        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Comment_markers_inside_quoted_strings_are_text()
    {
        var config = HoconText.Parse("url = \"http://host/#frag\"");

        Assert.Equal("http://host/#frag", config.GetString("url"));
    }

    [Fact]
    public void Unquoted_string_ends_where_a_double_slash_comment_starts()
    {
        var config = HoconText.Parse("path = a/b//comment");

        Assert.Equal("a/b", config.GetString("path"));
    }
}
