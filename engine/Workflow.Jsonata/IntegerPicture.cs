namespace Workflow.Jsonata;

/// <summary>
/// An analysed XPath integer picture (<c>0001</c>, <c>#,##0</c>, <c>a</c>, <c>I</c>, <c>w</c>, <c>Ww</c>, with
/// an optional <c>;o</c> ordinal modifier), shared by <c>$formatInteger</c>, <c>$parseInteger</c> and the date
/// components of <c>$fromMillis</c> / <c>$toMillis</c>.
/// </summary>
internal sealed class IntegerPicture
{
    internal enum Kind
    {
        Decimal,
        Letters,
        Roman,
        Words,
        Sequence,
    }

    internal enum LetterCase
    {
        Lower,
        Upper,
        Title,
    }

    private static readonly int[] DecimalGroups =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    public Kind Primary { get; private set; } = Kind.Decimal;

    public LetterCase Case { get; private set; } = LetterCase.Lower;

    public bool Ordinal { get; private set; }

    public int ZeroCode { get; private set; } = 0x30;

    public int MandatoryDigits { get; set; }

    public int OptionalDigits { get; private set; }

    /// <summary>Separators as (position counted from the right, text).</summary>
    public List<(int Position, string Character)> Separators { get; } = [];

    /// <summary>Every separator repeats at this interval with the same character (0 when irregular).</summary>
    public int RegularInterval { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public static IntegerPicture Analyse(string picture)
    {
        var format = new IntegerPicture();
        var primary = picture;
        var semicolon = picture.LastIndexOf(';');
        if (semicolon != -1)
        {
            primary = picture[..semicolon];
            var modifier = picture[(semicolon + 1)..];
            if (modifier.StartsWith('o'))
            {
                format.Ordinal = true;
            }
        }

        switch (primary)
        {
            case "A":
                format.Case = LetterCase.Upper;
                format.Primary = Kind.Letters;
                break;
            case "a":
                format.Primary = Kind.Letters;
                break;
            case "I":
                format.Case = LetterCase.Upper;
                format.Primary = Kind.Roman;
                break;
            case "i":
                format.Primary = Kind.Roman;
                break;
            case "W":
                format.Case = LetterCase.Upper;
                format.Primary = Kind.Words;
                break;
            case "Ww":
                format.Case = LetterCase.Title;
                format.Primary = Kind.Words;
                break;
            case "w":
                format.Primary = Kind.Words;
                break;
            default:
                format.AnalyseDecimal(primary);
                break;
        }

        return format;
    }

    private void AnalyseDecimal(string primary)
    {
        int? zeroCode = null;
        var separatorPosition = 0;
        var codePoints = new List<int>();
        for (var i = 0; i < primary.Length; i++)
        {
            var cp = char.ConvertToUtf32(primary, i);
            if (char.IsHighSurrogate(primary[i]))
            {
                i++;
            }

            codePoints.Add(cp);
        }

        codePoints.Reverse();
        foreach (var cp in codePoints)
        {
            var group = DecimalGroups.FirstOrDefault(g => cp >= g && cp <= g + 9, -1);
            if (group >= 0)
            {
                MandatoryDigits++;
                separatorPosition++;
                if (zeroCode is null)
                {
                    zeroCode = group;
                }
                else if (group != zeroCode)
                {
                    throw new JsonataException("D3131", "In a decimal digit pattern, all digits must be from the same decimal group");
                }
            }
            else if (cp == '#')
            {
                separatorPosition++;
                OptionalDigits++;
            }
            else
            {
                Separators.Add((separatorPosition, char.ConvertFromUtf32(cp)));
            }
        }

        if (MandatoryDigits == 0)
        {
            Primary = Kind.Sequence;
            Token = primary;
            return;
        }

        Primary = Kind.Decimal;
        ZeroCode = zeroCode!.Value;
        RegularInterval = Regular(Separators);
    }

    private static int Regular(List<(int Position, string Character)> separators)
    {
        if (separators.Count == 0 || separators.Any(s => s.Character != separators[0].Character))
        {
            return 0;
        }

        var factor = separators.Select(s => s.Position).Aggregate(Gcd);
        for (var index = 1; index <= separators.Count; index++)
        {
            if (!separators.Any(s => s.Position == index * factor))
            {
                return 0;
            }
        }

        return factor;

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    }
}
