namespace Workflow.Domain;

/// <summary>Tax rates by category. The categories are fixed; the rates are configuration.</summary>
public sealed class TaxRateTable
{
    public const string Standard = "standard";
    public const string Reduced = "reduced";
    public const string Zero = "zero";
    public const string Exempt = "exempt";

    public static readonly IReadOnlyList<string> CategoryNames = [Standard, Reduced, Zero, Exempt];

    private readonly Dictionary<string, decimal> rates;

    public TaxRateTable(decimal standard, decimal reduced)
    {
        if (standard is < 0 or > 1 || reduced is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(standard), "Tax rates are fractions between 0 and 1.");
        }

        rates = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [Standard] = standard,
            [Reduced] = reduced,
            [Zero] = 0m,
            [Exempt] = 0m,
        };
    }

    /// <summary>20 % standard, 5 % reduced.</summary>
    public static TaxRateTable Default { get; } = new(0.20m, 0.05m);

    public static bool IsCategoryName(string? name) => name is not null && CategoryNames.Contains(name, StringComparer.Ordinal);

    public decimal RateFor(string category) =>
        rates.TryGetValue(category, out var rate) ? rate : throw new BusinessRuleException($"Unknown tax category '{category}'.");
}
