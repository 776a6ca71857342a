namespace Workflow.Domain;

internal static class DecimalFacts
{
    /// <summary>Significant decimal places, ignoring trailing zeros (1.50 has one).</summary>
    public static int DecimalPlaces(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.Scale;
    }
}
