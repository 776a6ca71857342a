namespace Workflow.EventBridge;

/// <summary>Compiles one operator object such as {"prefix": "us-"} with AWS's validation and error wording.</summary>
internal static class OperatorCompiler
{
    private const string OnlyOneKey = "Only one key allowed in match expression";
    private const string TooManyNumericElements = "Too many elements in numeric expression";
    private const string AnythingButShape = "Value of anything-but must be an array or single string/number value.";

    public static ValueMatcher Compile(PatternObject expression)
    {
        if (expression.Members.Count == 0)
        {
            throw new InvalidEventPatternException("Match expression name not found");
        }
        var (name, operand) = expression.Members[0];
        var extraKeys = expression.Members.Count > 1;
        ValueMatcher matcher = name switch
        {
            "prefix" => new PrefixMatcher(StringOrIgnoreCase(operand, "prefix", out var prefixIgnoreCase), prefixIgnoreCase),
            "suffix" => new SuffixMatcher(StringOrIgnoreCase(operand, "suffix", out var suffixIgnoreCase), suffixIgnoreCase),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(RequireString(operand, "equals-ignore-case match pattern must be a string")),
            "wildcard" => new WildcardMatcher(WildcardPattern.Parse(RequireString(operand, "wildcard match pattern must be a string"))),
            "cidr" => new CidrMatcher(IpAddressRange.ParseCidr(RequireString(operand, "prefix match pattern must be a string"))),
            "exists" => operand is PatternBoolean exists
                ? new ExistsMatcher(exists.Value)
                : throw new InvalidEventPatternException("exists match pattern must be either true or false."),
            "numeric" => NumericCompiler.Compile(operand),
            "anything-but" => AnythingBut(operand),
            _ => throw new InvalidEventPatternException("Unrecognized match type " + name),
        };
        if (extraKeys)
        {
            throw new InvalidEventPatternException(name is "numeric" or "anything-but" ? TooManyNumericElements : OnlyOneKey);
        }
        return matcher;
    }

    private static string RequireString(PatternNode node, string error) =>
        node is PatternString s ? s.Value : throw new InvalidEventPatternException(error);

    /// <summary>prefix/suffix take a string or {"equals-ignore-case": string}.</summary>
    private static string StringOrIgnoreCase(PatternNode operand, string operatorName, out bool ignoreCase)
    {
        ignoreCase = false;
        if (operand is PatternString s)
        {
            return s.Value;
        }
        if (operand is PatternObject { Members.Count: > 0 } o)
        {
            var (name, inner) = o.Members[0];
            if (name != "equals-ignore-case")
            {
                throw new InvalidEventPatternException($"Unsupported {operatorName} pattern: {name}");
            }
            var value = RequireString(inner, "equals-ignore-case match pattern must be a string");
            if (o.Members.Count > 1)
            {
                throw new InvalidEventPatternException(OnlyOneKey);
            }
            ignoreCase = true;
            return value;
        }
        throw new InvalidEventPatternException($"{operatorName} match pattern must be a string");
    }

    private static ValueMatcher AnythingBut(PatternNode operand)
    {
        switch (operand)
        {
            case PatternString s:
                return AnythingButMatcher.Strings([s.Value]);
            case PatternNumber n:
                return AnythingButMatcher.Numbers([NumericLimits.Require(n.Value)]);
            case PatternArray list:
                return AnythingButList(list);
            case PatternObject o:
                return AnythingButOperator(o);
            default:
                throw new InvalidEventPatternException(AnythingButShape);
        }
    }

    private static ValueMatcher AnythingButList(PatternArray list)
    {
        var strings = new List<string>();
        var numbers = new List<double>();
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case PatternString s:
                    strings.Add(s.Value);
                    break;
                case PatternNumber n:
                    numbers.Add(NumericLimits.Require(n.Value));
                    break;
                default:
                    throw new InvalidEventPatternException("Inside anything but list, start|null|boolean is not supported.");
            }
        }
        if ((strings.Count > 0) == (numbers.Count > 0))
        {
            throw new InvalidEventPatternException(
                "Inside anything but list, either all values are number or string, mixed type is not supported");
        }
        return strings.Count > 0 ? AnythingButMatcher.Strings(strings) : AnythingButMatcher.Numbers(numbers);
    }

    private static ValueMatcher AnythingButOperator(PatternObject o)
    {
        if (o.Members.Count == 0)
        {
            throw new InvalidEventPatternException("Anything-But expression name not found");
        }
        var (name, operand) = o.Members[0];
        ValueMatcher matcher = name switch
        {
            "prefix" => AnythingButMatcher.Prefixes(AffixOperands(operand)),
            "suffix" => AnythingButMatcher.Suffixes(AffixOperands(operand)),
            "wildcard" => AnythingButMatcher.MatchingWildcards(
                StringOperands(operand, "wildcard match pattern must be a string").Select(WildcardPattern.Parse).ToList()),
            "equals-ignore-case" => AnythingButMatcher.IgnoreCase(IgnoreCaseOperands(operand)),
            _ => throw new InvalidEventPatternException("Unsupported anything-but pattern: " + name),
        };
        if (o.Members.Count > 1)
        {
            throw new InvalidEventPatternException(OnlyOneKey);
        }
        return matcher;
    }

    private static List<string> AffixOperands(PatternNode operand)
    {
        if (operand is PatternObject)
        {
            throw new InvalidEventPatternException(AnythingButShape);
        }
        var values = StringOperands(operand, "prefix/suffix match pattern must be a string");
        if (values.Any(v => v.Length == 0))
        {
            throw new InvalidEventPatternException("Null prefix/suffix not allowed");
        }
        return values;
    }

    private static List<string> IgnoreCaseOperands(PatternNode operand) => operand switch
    {
        PatternString s => [s.Value],
        PatternArray a => a.Items.Select(i => i is PatternString s
            ? s.Value
            : throw new InvalidEventPatternException(
                "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.")).ToList(),
        PatternNumber => throw new InvalidEventPatternException(
            "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."),
        _ => throw new InvalidEventPatternException(AnythingButShape),
    };

    private static List<string> StringOperands(PatternNode operand, string error)
    {
        if (operand is PatternString s)
        {
            return [s.Value];
        }
        if (operand is PatternArray a)
        {
            if (a.Items.Count == 0)
            {
                throw new InvalidEventPatternException("Empty arrays are not allowed");
            }
            return a.Items.Select(i => RequireString(i, error)).ToList();
        }
        throw new InvalidEventPatternException(error);
    }
}
