namespace Workflow.Domain;

/// <summary>ISO 4217 active currency codes with their minor units (decimal places).</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnitsByCode = Build();

    public static bool IsKnown(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units)
            ? units
            : throw new BusinessRuleException($"Currency '{code}' is not an ISO 4217 currency.");

    private static Dictionary<string, int> Build()
    {
        const string twoDecimals =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF " +
            "CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF " +
            "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR " +
            "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD " +
            "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD XCG YER " +
            "ZAR ZMW ZWG";
        const string zeroDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        const string threeDecimals = "BHD IQD JOD KWD LYD OMR TND";
        const string fourDecimals = "CLF UYW";

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(table, twoDecimals, 2);
        Add(table, zeroDecimals, 0);
        Add(table, threeDecimals, 3);
        Add(table, fourDecimals, 4);
        return table;
    }

    private static void Add(Dictionary<string, int> table, string codes, int units)
    {
        foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table[code] = units;
        }
    }
}
