using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Jsonata;

/// <summary>
/// A function signature such as <c>&lt;s-nn?:s&gt;</c>: validates the arguments of a call, substitutes the
/// context value for a missing "-" parameter and wraps single values passed where an array is expected.
/// </summary>
internal sealed class Signature
{
    private sealed class Parameter
    {
        public string Regex { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string? Subtype { get; set; }

        public bool UsesContext { get; set; }

        public Regex? ContextRegex { get; set; }
    }

    private readonly List<Parameter> _parameters;
    private readonly Regex _regex;

    private Signature(List<Parameter> parameters)
    {
        _parameters = parameters;
        var pattern = new StringBuilder("^");
        foreach (var p in parameters)
        {
            pattern.Append('(').Append(p.Regex).Append(')');
        }

        pattern.Append('$');
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    public int ParameterCount => _parameters.Count;

    public static Signature Parse(string signature, int position = 0)
    {
        var parameters = new List<Parameter>();
        var param = new Parameter();
        var previous = param;
        for (var i = 1; i < signature.Length; i++)
        {
            var symbol = signature[i];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    param.Regex = "[" + symbol + "m]";
                    param.Type = symbol.ToString();
                    Next();
                    break;
                case 'a':
                    param.Regex = "[asnblfom]";
                    param.Type = "a";
                    Next();
                    break;
                case 'f':
                    param.Regex = "f";
                    param.Type = "f";
                    Next();
                    break;
                case 'j':
                    param.Regex = "[asnblom]";
                    param.Type = "j";
                    Next();
                    break;
                case 'x':
                    param.Regex = "[asnblfom]";
                    param.Type = "x";
                    Next();
                    break;
                case '-':
                    previous.UsesContext = true;
                    previous.ContextRegex = new Regex(previous.Regex, RegexOptions.CultureInvariant);
                    previous.Regex += "?";
                    break;
                case '?' or '+':
                    previous.Regex += symbol;
                    break;
                case '(':
                {
                    var end = ClosingBracket(signature, i, '(', ')');
                    var choice = signature[(i + 1)..end];
                    if (choice.Contains('<', StringComparison.Ordinal))
                    {
                        throw new JsonataException("S0402", "Choice groups containing parameterized types are not supported", position + i, value: choice);
                    }

                    param.Regex = "[" + choice + "m]";
                    param.Type = "(" + choice + ")";
                    i = end;
                    Next();
                    break;
                }

                case '<':
                    if (previous.Type is "a" or "f")
                    {
                        var end = ClosingBracket(signature, i, '<', '>');
                        previous.Subtype = signature[(i + 1)..end];
                        i = end;
                    }
                    else
                    {
                        throw new JsonataException("S0401", $"Type parameters can only be applied to functions and arrays", position + i, value: previous.Type);
                    }

                    break;
            }
        }

        return new Signature(parameters);

        void Next()
        {
            parameters.Add(param);
            previous = param;
            param = new Parameter();
        }
    }

    private static int ClosingBracket(string s, int start, char open, char close)
    {
        var depth = 1;
        var i = start;
        while (i < s.Length)
        {
            i++;
            if (i >= s.Length)
            {
                break;
            }

            if (s[i] == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (s[i] == open)
            {
                depth++;
            }
        }

        return i;
    }

    public static char SymbolOf(object? value) => value switch
    {
        null => 'm',
        JsonataFunction => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JsonataNull => 'l',
        Sequence => 'a',
        _ => 'o',
    };

    public object?[] Validate(IReadOnlyList<object?> args, object? context)
    {
        var supplied = new StringBuilder(args.Count);
        foreach (var arg in args)
        {
            supplied.Append(SymbolOf(arg));
        }

        var suppliedSignature = supplied.ToString();
        var match = _regex.Match(suppliedSignature);
        if (!match.Success)
        {
            throw ValidationError(args, suppliedSignature);
        }

        var validated = new List<object?>(_parameters.Count);
        var argIndex = 0;
        for (var index = 0; index < _parameters.Count; index++)
        {
            var param = _parameters[index];
            var matched = match.Groups[index + 1].Value;
            if (matched.Length == 0)
            {
                if (param.UsesContext && param.ContextRegex is not null)
                {
                    var contextType = SymbolOf(context);
                    if (param.ContextRegex.IsMatch(contextType.ToString()))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1}", value: context) { Index = argIndex + 1 };
                    }
                }
                else
                {
                    validated.Add(argIndex < args.Count ? args[argIndex] : null);
                    argIndex++;
                }

                continue;
            }

            foreach (var single in matched)
            {
                var arg = argIndex < args.Count ? args[argIndex] : null;
                if (param.Type == "a")
                {
                    if (single == 'm')
                    {
                        arg = null;
                    }
                    else
                    {
                        var arrayOk = true;
                        if (param.Subtype is not null)
                        {
                            if (single != 'a' && matched != param.Subtype)
                            {
                                arrayOk = false;
                            }
                            else if (single == 'a' && arg is Sequence array && array.Count > 0)
                            {
                                var itemType = SymbolOf(array[0]);
                                arrayOk = itemType == param.Subtype[0] && array.All(v => SymbolOf(v) == itemType);
                            }
                        }

                        if (!arrayOk)
                        {
                            throw new JsonataException("T0412", $"Argument {argIndex + 1} of function must be an array of {SubtypeName(param.Subtype!)}", value: arg) { Index = argIndex + 1 };
                        }

                        if (single != 'a')
                        {
                            arg = new Sequence { arg };
                        }
                    }
                }

                validated.Add(arg);
                argIndex++;
            }
        }

        return validated.ToArray();
    }

    private static string SubtypeName(string subtype) => subtype switch
    {
        "a" => "arrays",
        "b" => "booleans",
        "f" => "functions",
        "n" => "numbers",
        "o" => "objects",
        "s" => "strings",
        _ => subtype,
    };

    private JsonataException ValidationError(IReadOnlyList<object?> args, string suppliedSignature)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var p in _parameters)
        {
            partial.Append(p.Regex);
            var m = Regex.Match(suppliedSignature, partial.ToString(), RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                break;
            }

            goodTo = m.Length;
        }

        return new JsonataException("T0410", $"Argument {goodTo + 1} of function does not match function signature", value: goodTo < args.Count ? args[goodTo] : null) { Index = goodTo + 1 };
    }
}
