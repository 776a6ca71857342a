using Workflow.Domain;

namespace Workflow.Domain.Tests;

public class PricingTests
{
    private static readonly PricingCalculator Pricing = new(TaxRateTable.Default);

    [TestCase("JPY", 0)]
    [TestCase("USD", 2)]
    [TestCase("EUR", 2)]
    [TestCase("KWD", 3)]
    [TestCase("BHD", 3)]
    [TestCase("CLF", 4)]
    [TestCase("KRW", 0)]
    public void Currencies_KnowTheirMinorUnits(string currency, int units) =>
        Assert.That(Currencies.MinorUnits(currency), Is.EqualTo(units));

    [TestCase(2.5, "JPY", 3)]
    [TestCase(-2.5, "JPY", -3)]
    [TestCase(1.005, "USD", 1.01)]
    [TestCase(1.0049, "USD", 1.00)]
    [TestCase(0.0005, "KWD", 0.001)]
    [TestCase(1.2344, "KWD", 1.234)]
    public void Round_UsesCurrencyMinorUnitsAndHalfAwayFromZero(decimal amount, string currency, decimal expected) =>
        Assert.That(MoneyRounding.Round(amount, currency), Is.EqualTo(expected));

    [Test]
    public void Round_UnknownCurrency_IsABusinessRuleError() =>
        Assert.That(() => MoneyRounding.Round(1m, "XXX"), Throws.TypeOf<BusinessRuleException>().With.Message.Contains("XXX"));

    [Test]
    public void Price_UsdOrder_RoundsEachLineThenSums()
    {
        var request = Requests.Request("USD",
            new PurchaseLine("pens", 3m, 0.335m),
            new PurchaseLine("paper", 1m, 10m, TaxRateTable.Reduced));

        var quote = Pricing.Price(request);

        Assert.That(quote.Lines[0].Net, Is.EqualTo(1.01m));      // 1.005 → 1.01
        Assert.That(quote.Lines[0].Tax, Is.EqualTo(0.20m));      // 0.202 → 0.20
        Assert.That(quote.Lines[1].Tax, Is.EqualTo(0.50m));
        Assert.That(quote.Subtotal, Is.EqualTo(11.01m));
        Assert.That(quote.Tax, Is.EqualTo(0.70m));
        Assert.That(quote.Total, Is.EqualTo(11.71m));
        Assert.That(quote.Lines.Sum(l => l.Gross), Is.EqualTo(quote.Total));
    }

    [Test]
    public void Price_JpyOrder_HasNoMinorUnits()
    {
        var quote = Pricing.Price(Requests.Request("JPY", new PurchaseLine("tea", 3m, 333.5m)));

        Assert.That(quote.Lines[0].Net, Is.EqualTo(1001m));      // 1000.5 → 1001
        Assert.That(quote.Lines[0].Tax, Is.EqualTo(200m));       // 200.2 → 200
        Assert.That(quote.Total, Is.EqualTo(1201m));
        Assert.That(quote.Total.Scale, Is.EqualTo(0));
    }

    [Test]
    public void Price_KwdOrder_KeepsThreeDecimals()
    {
        var quote = Pricing.Price(Requests.Request("KWD", new PurchaseLine("cable", 1m, 1.2345m)));

        Assert.That(quote.Lines[0].Net, Is.EqualTo(1.235m));     // half away from zero
        Assert.That(quote.Lines[0].Tax, Is.EqualTo(0.247m));
        Assert.That(quote.Total, Is.EqualTo(1.482m));
    }

    [TestCase(TaxRateTable.Standard, 20)]
    [TestCase(TaxRateTable.Reduced, 5)]
    [TestCase(TaxRateTable.Zero, 0)]
    [TestCase(TaxRateTable.Exempt, 0)]
    public void Price_AppliesTheRateOfTheLinesTaxCategory(string category, decimal expectedTax)
    {
        var quote = Pricing.Price(Requests.Request("EUR", new PurchaseLine("thing", 1m, 100m, category)));

        Assert.That(quote.Tax, Is.EqualTo(expectedTax));
    }

    [Test]
    public void Price_CustomRateTable_IsUsed()
    {
        var quote = new PricingCalculator(new TaxRateTable(0.19m, 0.07m)).Price(Requests.Request("EUR", new PurchaseLine("thing", 1m, 100m)));

        Assert.That(quote.Tax, Is.EqualTo(19m));
    }

    [Test]
    public void TaxRateTable_RateOutsideZeroToOne_IsRefused() =>
        Assert.That(() => new TaxRateTable(1.5m, 0m), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Price_LargestAllowedOrder_DoesNotOverflow()
    {
        var lines = Enumerable.Range(0, PurchaseRequestLimits.MaxLines)
            .Select(i => new PurchaseLine($"item {i}", PurchaseRequestLimits.MaxQuantity, PurchaseRequestLimits.MaxUnitPrice))
            .ToArray();

        var quote = Pricing.Price(Requests.Request("KWD", lines));

        Assert.That(quote.Subtotal, Is.EqualTo(PurchaseRequestLimits.MaxLines * PurchaseRequestLimits.MaxQuantity * PurchaseRequestLimits.MaxUnitPrice));
        Assert.That(quote.Total, Is.EqualTo(quote.Subtotal * 1.2m));
    }

    [Test]
    public void Price_FreeItems_TotalZero()
    {
        var quote = Pricing.Price(Requests.Request("USD", new PurchaseLine("sample", 5m, 0m)));

        Assert.That(quote.Total, Is.Zero);
    }
}
