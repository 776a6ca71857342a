namespace Workflow.Domain;

/// <summary>Rounds amounts to a currency's minor units, half away from zero as money is usually rounded.</summary>
public static class MoneyRounding
{
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, Currencies.MinorUnits(currency), MidpointRounding.AwayFromZero);
}
