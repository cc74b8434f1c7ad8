namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>The recorded Alpaca responses in TestData/alpaca (see its README for their source and license).</summary>
internal static class AlpacaMocks
{
    public const string Account = "test_account_routes__test_get_account__get1.json";
    public const string AllAssets = "test_asset_routes__test_get_all_assets__get1.json";
    public const string Asset = "test_asset_routes__test_get_asset__get1.json";
    public const string MarketOrder = "test_order_routes__test_market_order__post1.json";
    public const string LimitOrder = "test_order_routes__test_limit_order__post1.json";
    public const string Orders = "test_order_routes__test_get_orders__get1.json";
    public const string OrderById = "test_order_routes__test_get_order_by_id__get1.json";
    public const string OrderByClientId = "test_order_routes__test_get_order_by_client_id__get1.json";
    public const string ReplacedOrder = "test_order_routes__test_replace_order__patch1.json";
    public const string CancelOrders = "test_order_routes__test_cancel_orders__delete1.json";
    public const string PositionIntentBuy = "test_order_routes__test_order_position_intent__post1.json";
    public const string PositionIntentSell = "test_order_routes__test_order_position_intent__post2.json";
    public const string Positions = "test_position_routes__test_get_all_positions__get1.json";
    public const string CloseAllPositions = "test_position_routes__test_close_all_positions__delete1.json";
    public const string ClosePositionWithQty = "test_position_routes__test_close_position_with_qty__delete1.json";
    public const string ClosePositionWithPercentage = "test_position_routes__test_close_position_with_percentage__delete1.json";
    public const string Clock = "handwritten/clock.json";
    public const string Calendar = "handwritten/calendar.json";

    /// <summary>Every recorded order object (a single order per file).</summary>
    public static IReadOnlyList<string> SingleOrders { get; } =
    [
        MarketOrder, LimitOrder, OrderById, OrderByClientId, ReplacedOrder, PositionIntentBuy, PositionIntentSell,
        ClosePositionWithQty, ClosePositionWithPercentage,
    ];

    /// <summary>The asset id the recorded AAPL orders and asset share.</summary>
    public const string AaplAssetId = "904837e3-3b76-47ec-b432-046db621571b";

    public static string Read(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "alpaca", file));

    public static byte[] Bytes(string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "alpaca", file));
}
