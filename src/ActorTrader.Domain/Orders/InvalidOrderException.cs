namespace ActorTrader.Domain.Orders;

/// <summary>An order request was refused before it reached any broker; <see cref="Problems"/> lists every reason.</summary>
public sealed class InvalidOrderException : ArgumentException
{
    public InvalidOrderException(string? clientOrderId, IReadOnlyList<string> problems)
        : base($"Order {(string.IsNullOrWhiteSpace(clientOrderId) ? "(no id)" : clientOrderId)} is invalid: {string.Join(" ", problems ?? [])}")
    {
        ClientOrderId = clientOrderId;
        Problems = problems ?? [];
    }

    public InvalidOrderException() : this(null, []) { }

    public InvalidOrderException(string message) : base(message) { Problems = []; }

    public InvalidOrderException(string message, Exception innerException) : base(message, innerException) { Problems = []; }

    public string? ClientOrderId { get; }

    public IReadOnlyList<string> Problems { get; }
}
