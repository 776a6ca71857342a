using Workflow.Domain;

namespace Workflow.Domain.Tests;

public class PurchaseRequestParserTests
{
    [Test]
    public void Parse_ValidRequest_ReadsEveryField()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson()));

        Assert.That(result.IsValid, Is.True);
        var request = result.Value!;
        Assert.That(request.Requester, Is.EqualTo("alice@example.com"));
        Assert.That(request.CostCentre, Is.EqualTo("CC-100"));
        Assert.That(request.Vendor, Is.EqualTo("ACME Ltd"));
        Assert.That(request.Currency, Is.EqualTo("EUR"));
        Assert.That(request.Lines, Has.Count.EqualTo(1));
        Assert.That(request.Lines[0], Is.EqualTo(new PurchaseLine("Laptop", 2m, 100.50m, TaxRateTable.Standard)));
    }

    [Test]
    public void Parse_NotAnObject_NamesTheInput()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json("[1,2]"));

        Assert.That(result.Errors, Is.EqualTo(new[] { new FieldError("input", "must be a JSON object, not an array") }));
    }

    [Test]
    public void Parse_MissingFields_ReportsEachMissingField()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json("{}"));

        Assert.That(result.Errors.Select(e => e.Field), Is.EquivalentTo(new[]
        {
            "input.requester", "input.costCentre", "input.vendor", "input.currency", "input.lines",
        }));
        Assert.That(result.Errors.Select(e => e.Message), Is.All.EqualTo("is required"));
    }

    [Test]
    public void Parse_QuantityAsString_NamesTheLineFieldAndType()
    {
        var json = Requests.ValidJson(lines: """[{"description":"a","quantity":1,"unitPrice":1},{"description":"b","quantity":"2","unitPrice":1}]""");

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors, Is.EqualTo(new[] { new FieldError("input.lines[1].quantity", "must be a number, not a string") }));
    }

    [Test]
    public void Parse_EmptyLines_IsRejected()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(lines: "[]")));

        Assert.That(result.Errors, Is.EqualTo(new[] { new FieldError("input.lines", "must contain at least one line") }));
    }

    [Test]
    public void Parse_HugeOrder_AboveLineLimit_IsRejectedWithTheCount()
    {
        var count = PurchaseRequestLimits.MaxLines + 1;
        var lines = "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"description":"item {{i}}","quantity":1,"unitPrice":1}""")) + "]";

        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(lines: lines)));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.lines"));
        Assert.That(result.Errors.Single().Message, Does.Contain($"at most {PurchaseRequestLimits.MaxLines}").And.Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Parse_OrderAtLineLimit_IsAccepted()
    {
        var lines = "[" + string.Join(",", Enumerable.Range(0, PurchaseRequestLimits.MaxLines).Select(i => $$"""{"description":"item {{i}}","quantity":1000000,"unitPrice":1000000000}""")) + "]";

        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(lines: lines)));

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Value!.Lines, Has.Count.EqualTo(PurchaseRequestLimits.MaxLines));
    }

    [Test]
    public void Parse_UnicodeText_IsAcceptedAndCountedByVisibleCharacters()
    {
        var description = string.Concat(Enumerable.Repeat("👩‍💻", PurchaseRequestLimits.MaxDescriptionLength));
        var json = $$"""{"requester":"Zoë Ångström","costCentre":"CC-1","vendor":"株式会社 東京","currency":"JPY","lines":[{"description":"{{description}}","quantity":1,"unitPrice":500}]}""";

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.IsValid, Is.True, () => string.Join("; ", result.Errors));
        Assert.That(result.Value!.Vendor, Is.EqualTo("株式会社 東京"));
        Assert.That(result.Value.Lines[0].Description, Is.EqualTo(description));
    }

    [Test]
    public void Parse_DescriptionOverLimit_IsRejected()
    {
        var description = new string('x', PurchaseRequestLimits.MaxDescriptionLength + 1);
        var json = Requests.ValidJson(lines: $$"""[{"description":"{{description}}","quantity":1,"unitPrice":1}]""");

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors, Is.EqualTo(new[] { new FieldError("input.lines[0].description", $"must be at most {PurchaseRequestLimits.MaxDescriptionLength} characters") }));
    }

    [Test]
    public void Parse_UnpairedSurrogate_IsRejected()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(vendor: "bad \\ud800 vendor")));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.vendor"));
        Assert.That(result.Errors.Single().Message, Does.Contain("unpaired surrogate"));
    }

    [Test]
    public void Parse_ControlCharacterInVendor_IsRejected()
    {
        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(vendor: "bad\\u0007vendor")));

        Assert.That(result.Errors.Single().Message, Does.Contain("control character (U+0007)"));
    }

    [Test]
    public void Parse_WhitespaceOnlyRequester_IsRejected()
    {
        var json = Requests.ValidJson().Replace("alice@example.com", "   ", StringComparison.Ordinal);

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors, Is.EqualTo(new[] { new FieldError("input.requester", "must not be empty") }));
    }

    [TestCase("eur", "three-letter upper-case")]
    [TestCase("EURO", "at most 3 characters")]
    [TestCase("XYZ", "not an ISO 4217 currency")]
    public void Parse_BadCurrency_ExplainsTheProblem(string currency, string expected)
    {
        var result = PurchaseRequestParser.Parse(Requests.Json(Requests.ValidJson(currency: currency)));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.currency"));
        Assert.That(result.Errors.Single().Message, Does.Contain(expected));
    }

    [TestCase("0", "greater than zero")]
    [TestCase("-1", "greater than zero")]
    [TestCase("1000001", "at most")]
    [TestCase("1.0001", "at most 3 decimal places")]
    public void Parse_BadQuantity_IsRejected(string quantity, string expected)
    {
        var json = Requests.ValidJson(lines: $$"""[{"description":"x","quantity":{{quantity}},"unitPrice":1}]""");

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.lines[0].quantity"));
        Assert.That(result.Errors.Single().Message, Does.Contain(expected));
    }

    [TestCase("-0.01", "must not be negative")]
    [TestCase("1000000000.5", "at most")]
    [TestCase("0.00001", "at most 4 decimal places")]
    [TestCase("1e400", "out of range")]
    public void Parse_BadUnitPrice_IsRejected(string price, string expected)
    {
        var json = Requests.ValidJson(lines: $$"""[{"description":"x","quantity":1,"unitPrice":{{price}}}]""");

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.lines[0].unitPrice"));
        Assert.That(result.Errors.Single().Message, Does.Contain(expected));
    }

    [Test]
    public void Parse_TrailingZerosInPrice_DoNotCountAsDecimals()
    {
        var json = Requests.ValidJson(lines: """[{"description":"x","quantity":1.500000,"unitPrice":2.50000000}]""");

        Assert.That(PurchaseRequestParser.Parse(Requests.Json(json)).IsValid, Is.True);
    }

    [Test]
    public void Parse_UnknownTaxCategory_ListsTheAllowedOnes()
    {
        var json = Requests.ValidJson(lines: """[{"description":"x","quantity":1,"unitPrice":1,"taxCategory":"luxury"}]""");

        var result = PurchaseRequestParser.Parse(Requests.Json(json));

        Assert.That(result.Errors.Single().Field, Is.EqualTo("input.lines[0].taxCategory"));
        Assert.That(result.Errors.Single().Message, Does.Contain("standard, reduced, zero, exempt"));
    }

    [Test]
    public void Parse_CostCentreWithSpaces_IsRejected()
    {
        var json = Requests.ValidJson().Replace("CC-100", "CC 100", StringComparison.Ordinal);

        Assert.That(PurchaseRequestParser.Parse(Requests.Json(json)).Errors.Single().Field, Is.EqualTo("input.costCentre"));
    }

    [Test]
    public void Parse_SeveralProblems_AreAllReported()
    {
        const string json = """{"requester":1,"costCentre":"CC","vendor":"V","currency":"EUR","lines":[{"description":"","quantity":true,"unitPrice":null}]}""";

        var fields = PurchaseRequestParser.Parse(Requests.Json(json)).Errors.Select(e => e.Field);

        Assert.That(fields, Is.EquivalentTo(new[] { "input.requester", "input.lines[0].description", "input.lines[0].quantity", "input.lines[0].unitPrice" }));
    }
}
