namespace ActorTrader.Strategies.Parameters;

/// <summary>How a parameter's value is read: a real number, a whole number (Whole), a flag (0/1) or one of named choices (index).</summary>
public enum ParameterKind
{
    Real,
    Whole,
    Boolean,
    Choice,
}
