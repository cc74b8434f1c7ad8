using System.Text.RegularExpressions;

namespace ActorTrader.Actors;

/// <summary>
/// Actors found by path when a message is sent: absolute (<c>/user/a/b</c>, <c>akka://sys/user/a</c>) or
/// relative (<c>../sibling</c>), with <c>*</c> and <c>?</c> wildcards. With no match the message goes to dead letters.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly ActorCell _anchor;
    private readonly string[] _elements;

    internal ActorSelection(ActorSystem system, ActorCell anchor, string[] elements, string pathString)
    {
        System = system;
        _anchor = anchor;
        _elements = elements;
        PathString = pathString;
    }

    internal ActorSystem System { get; }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivered = false;
        foreach (var target in Resolve())
        {
            target.Tell(message, sender);
            delivered = true;
        }
        if (!delivered) System.DeadLetterRef.Publish(message, sender, System.DeadLetters);
    }

    /// <summary>The single matching live actor; throws <see cref="ActorNotFoundException"/> when none matches.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var found = Resolve().FirstOrDefault();
        return found is not null
            ? Task.FromResult(found)
            : Task.FromException<IActorRef>(new ActorNotFoundException(
                $"No live actor at \"{PathString}\" (from {_anchor.Path}); looked up within {timeout.TotalMilliseconds:0} ms. Fix: check the path and that the actor is started."));
    }

    /// <summary>All live actors the path names now.</summary>
    internal IEnumerable<IActorRef> Resolve()
    {
        IEnumerable<ActorCell> current = [_anchor];
        var temp = false;
        foreach (var element in _elements)
        {
            if (element.Length == 0 || element == ".") continue;
            if (temp) return TempMatches(element);
            if (element == "..")
            {
                current = current.Select(c => (c.Parent as LocalActorRef)?.Cell).OfType<ActorCell>().ToArray();
                continue;
            }
            if (element == "temp" && current.Count() == 1 && ReferenceEquals(current.First(), System.RootCell))
            {
                temp = true;
                continue;
            }
            if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
            {
                var pattern = WildcardToRegex(element);
                current = current.SelectMany(c => c.ChildCells().Where(child => !child.IsTerminated && pattern.IsMatch(child.Path.Name))).ToArray();
            }
            else
            {
                current = current.Select(c => c.LiveChild(element)).OfType<ActorCell>().ToArray();
            }
        }
        return temp ? [] : current.Where(c => !c.IsTerminated).Select(c => (IActorRef)c.Self).ToArray();
    }

    private IActorRef[] TempMatches(string name) => System.TempActor(name) is { } actor ? [actor] : [];

    private static Regex WildcardToRegex(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public override string ToString() => $"ActorSelection[{_anchor.Path}, {PathString}]";
}

/// <summary>Parses selection paths into an anchor and elements.</summary>
internal static class ActorSelectionPath
{
    public static ActorSelection Create(ActorSystem system, LocalActorRef anchor, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var address = "akka://" + system.Name;
        if (path.StartsWith("akka://", StringComparison.Ordinal))
        {
            if (!path.StartsWith(address, StringComparison.Ordinal) || (path.Length > address.Length && path[address.Length] != '/'))
                throw new ArgumentException($"Selection path \"{path}\" names another actor system than {address}. Fix: use a path of this system.", nameof(path));
            return new ActorSelection(system, system.RootCell, Split(path[address.Length..]), path);
        }
        if (path.StartsWith('/')) return new ActorSelection(system, system.RootCell, Split(path), path);
        return new ActorSelection(system, anchor.Cell, Split(path), path);
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
