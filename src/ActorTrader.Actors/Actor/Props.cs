using System.Reflection;
using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// An immutable recipe for creating an actor: its type and constructor arguments (or a factory),
/// dispatcher, mailbox and, optionally, the supervisor strategy it applies to its children.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase>? _factory;
    private ConstructorInvoker? _constructor;

    private Props(Type type, object?[] arguments, Func<ActorBase>? factory, string dispatcher, string mailbox, SupervisorStrategy? strategy)
    {
        Type = type;
        Arguments = arguments;
        _factory = factory;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        SupervisorStrategy = strategy;
    }

    public Type Type { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public string Dispatcher { get; }

    public string Mailbox { get; }

    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props whose actor is made by calling the constructor matching <paramref name="args"/> (checked at <c>ActorOf</c>).</summary>
    public static Props Create<TActor>(params object?[] args) where TActor : ActorBase => Create(typeof(TActor), args);

    /// <summary>Props whose actor is made by <paramref name="factory"/>, called again on every restart.</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), [], factory, Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId, null);
    }

    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
            throw new ArgumentException($"{actorType.FullName} is not a concrete actor type. Fix: derive it from ReceiveActor, UntypedActor or ActorBase.", nameof(actorType));
        return new Props(actorType, args ?? [], null, Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId, null);
    }

    public Props WithDispatcher(string dispatcherId) => new(Type, (object?[])Arguments, _factory, dispatcherId, Mailbox, SupervisorStrategy);

    public Props WithMailbox(string mailboxId) => new(Type, (object?[])Arguments, _factory, Dispatcher, mailboxId, SupervisorStrategy);

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(Type, (object?[])Arguments, _factory, Dispatcher, Mailbox, strategy);

    /// <summary>Fails with a message naming the type and the arguments when no constructor matches.</summary>
    internal void Validate()
    {
        if (_factory is null) _constructor ??= ConstructorInvoker.Create(FindConstructor());
    }

    internal ActorBase NewActor()
    {
        if (_factory is not null)
        {
            return _factory() ?? throw new ActorInitializationException($"The factory in Props for {Type.FullName} returned null. Fix: return a new actor instance.");
        }
        _constructor ??= ConstructorInvoker.Create(FindConstructor());
        try
        {
            return (ActorBase)_constructor.Invoke(new Span<object?>((object?[])Arguments));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private ConstructorInfo FindConstructor()
    {
        var candidates = Type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        foreach (var constructor in candidates)
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length != Arguments.Count) continue;
            var matches = true;
            for (var i = 0; i < parameters.Length && matches; i++)
            {
                var parameterType = parameters[i].ParameterType;
                var argument = Arguments[i];
                matches = argument is null
                    ? !parameterType.IsValueType || Nullable.GetUnderlyingType(parameterType) is not null
                    : parameterType.IsInstanceOfType(argument);
            }
            if (matches) return constructor;
        }
        var given = Arguments.Count == 0
            ? "no arguments"
            : "arguments (" + string.Join(", ", Arguments.Select(a => a is null ? "null" : $"{a.GetType().Name} {a}")) + ")";
        var available = string.Join("; ", candidates.Select(c => $"{Type.Name}({string.Join(", ", c.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})"));
        throw new ArgumentException(
            $"Props for {Type.FullName}: no constructor takes {given}. Constructors: {(available.Length == 0 ? "none" : available)}. " +
            $"Fix: pass arguments matching one of them, or use Props.Create(() => new {Type.Name}(...)).");
    }

    public override string ToString() => $"Props({Type.Name}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
