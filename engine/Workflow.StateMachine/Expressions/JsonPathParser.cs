using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.StateMachine.Expressions;

/// <summary>Where a path starts: <c>$</c>, <c>$$</c> or <c>$name</c>.</summary>
public enum PathRoot
{
    Input,
    Context,
    Variable,
}

/// <summary>Compiles JSONPath text (Jayway syntax, as Step Functions accepts it) into segments.</summary>
internal sealed class JsonPathParser
{
    private readonly string text;
    private int position;

    private JsonPathParser(string text, int position)
    {
        this.text = text;
        this.position = position;
    }

    public static (PathRoot Root, string? Variable, PathSegment[] Segments, PathFunction? Function) Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '$')
        {
            throw Invalid(text, "a path must start with '$'");
        }

        var parser = new JsonPathParser(text, 1);
        var root = PathRoot.Input;
        string? variable = null;
        if (parser.Peek() == '$')
        {
            root = PathRoot.Context;
            parser.position++;
        }
        else if (IsVariableStart(parser.Peek()))
        {
            root = PathRoot.Variable;
            var start = parser.position;
            while (parser.position < text.Length && IsVariablePart(text[parser.position]))
            {
                parser.position++;
            }

            variable = text[start..parser.position];
        }

        var segments = parser.ParseSegments(embedded: false);
        PathFunction? function = null;
        if (parser.Peek() == '(' && segments.Length > 0 && segments[^1] is PropertySegment { IsSingle: true } last
            && parser.Peek(1) == ')' && text[parser.position - 1] != ']')
        {
            function = PathFunction.Find(last.Name) ?? throw parser.Error($"unknown path function '{last.Name}()'");
            parser.position += 2;
            segments = segments[..^1];
        }

        if (parser.position != text.Length)
        {
            throw parser.Error($"unexpected character '{text[parser.position]}'");
        }

        return (root, variable, segments, function);
    }

    private static bool IsVariableStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsVariablePart(char c) => c == '_' || char.IsLetterOrDigit(c);

    private char Peek(int offset = 0) => position + offset < text.Length ? text[position + offset] : '\0';

    private static ArgumentException Invalid(string text, string problem) =>
        new($"Invalid JSONPath '{text}': {problem}.", nameof(text));

    private ArgumentException Error(string problem) => Invalid(text, $"{problem} at position {position}");

    private PathSegment[] ParseSegments(bool embedded)
    {
        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '.')
            {
                if (Peek(1) == '.')
                {
                    position += 2;
                    segments.Add(DeepScanSegment.Instance);
                    if (Peek() == '[')
                    {
                        segments.Add(ParseBracket());
                    }
                    else
                    {
                        segments.Add(ParseDotMember(embedded));
                    }

                    continue;
                }

                position++;
                segments.Add(ParseDotMember(embedded));
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (embedded || c == '(')
            {
                // Embedded paths end at the filter's next token; '(' may start a trailing path function.
                break;
            }
            else
            {
                throw Error($"unexpected character '{c}'");
            }
        }

        return [.. segments];
    }

    private PathSegment ParseDotMember(bool embedded)
    {
        if (Peek() == '*')
        {
            position++;
            return WildcardSegment.Instance;
        }

        var start = position;
        while (position < text.Length && !EndsDotName(text[position], embedded))
        {
            position++;
        }

        if (position == start)
        {
            throw Error("expected a member name");
        }

        if (position < text.Length && !embedded && (char.IsWhiteSpace(text[position]) || text[position] is ')' or ']'))
        {
            throw Error($"unexpected character '{text[position]}'");
        }

        return new PropertySegment([text[start..position]]);
    }

    private static bool EndsDotName(char c, bool embedded)
    {
        if (c is '.' or '[' || char.IsWhiteSpace(c) || c is '(' or ')' or ']')
        {
            return true;
        }

        return embedded && c is '=' or '!' or '<' or '>' or '&' or '|' or ',';
    }

    private PathSegment ParseBracket()
    {
        position++; // '['
        SkipSpaces();
        var c = Peek();
        PathSegment segment;
        if (c is '\'' or '"')
        {
            var names = new List<string>();
            while (true)
            {
                names.Add(ReadQuoted());
                SkipSpaces();
                if (Peek() == ',')
                {
                    position++;
                    SkipSpaces();
                    continue;
                }

                break;
            }

            segment = new PropertySegment([.. names]);
        }
        else if (c == '*')
        {
            position++;
            segment = WildcardSegment.Instance;
        }
        else if (c == '?')
        {
            segment = ParseFilter();
        }
        else
        {
            segment = ParseIndexOrSlice();
        }

        SkipSpaces();
        if (Peek() != ']')
        {
            throw Error("expected ']'");
        }

        position++;
        return segment;
    }

    private PathSegment ParseIndexOrSlice()
    {
        var first = ReadOptionalInt();
        SkipSpaces();
        if (Peek() == ':')
        {
            position++;
            SkipSpaces();
            var end = ReadOptionalInt();
            var step = 1;
            SkipSpaces();
            if (Peek() == ':')
            {
                position++;
                SkipSpaces();
                step = ReadOptionalInt() ?? 1;
                if (step <= 0)
                {
                    throw Error("a slice step must be positive");
                }
            }

            return new SliceSegment(first, end, step);
        }

        if (first is null)
        {
            throw Error("expected an index, a quoted name, '*', a slice or a filter");
        }

        var indexes = new List<int> { first.Value };
        while (Peek() == ',')
        {
            position++;
            SkipSpaces();
            indexes.Add(ReadOptionalInt() ?? throw Error("expected an index"));
            SkipSpaces();
        }

        return new IndexSegment([.. indexes]);
    }

    private int? ReadOptionalInt()
    {
        var start = position;
        if (Peek() == '-')
        {
            position++;
        }

        while (char.IsAsciiDigit(Peek()))
        {
            position++;
        }

        if (position == start)
        {
            return null;
        }

        if (!int.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("invalid index");
        }

        return value;
    }

    private string ReadQuoted()
    {
        var quote = text[position++];
        var builder = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            // Step Functions keeps backslashes literally, except before the closing quote character.
            if (text[position] == '\\' && position + 1 < text.Length && text[position + 1] == quote)
            {
                position++;
            }

            builder.Append(text[position++]);
        }

        if (position >= text.Length)
        {
            throw Error("unterminated quoted name");
        }

        position++;
        return builder.ToString();
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private FilterSegment ParseFilter()
    {
        var start = position;
        position++; // '?'
        SkipSpaces();
        if (Peek() != '(')
        {
            throw Error("expected '(' after '?'");
        }

        position++;
        var expression = ParseOr();
        SkipSpaces();
        if (Peek() != ')')
        {
            throw Error("expected ')' to close the filter");
        }

        position++;
        return new FilterSegment(expression, text[(start + 1)..position]);
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (true)
        {
            SkipSpaces();
            if (Peek() == '|' && Peek(1) == '|')
            {
                position += 2;
                left = new OrFilter(left, ParseAnd());
                continue;
            }

            return left;
        }
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpaces();
            if (Peek() == '&' && Peek(1) == '&')
            {
                position += 2;
                left = new AndFilter(left, ParseUnary());
                continue;
            }

            return left;
        }
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (Peek() == '!' && Peek(1) != '=')
        {
            position++;
            return new NotFilter(ParseUnary());
        }

        if (Peek() == '(')
        {
            position++;
            var inner = ParseOr();
            SkipSpaces();
            if (Peek() != ')')
            {
                throw Error("expected ')'");
            }

            position++;
            return inner;
        }

        var left = ParseOperand();
        SkipSpaces();
        var comparison = ReadComparison();
        if (comparison is null)
        {
            return new ExistsFilter(left);
        }

        SkipSpaces();
        if (comparison == FilterComparison.RegexMatch)
        {
            return new ComparisonFilter(left, comparison.Value, FilterOperand.Literal(null), ReadRegex());
        }

        return new ComparisonFilter(left, comparison.Value, ParseOperand(), null);
    }

    private FilterComparison? ReadComparison()
    {
        var c = Peek();
        var d = Peek(1);
        (FilterComparison? op, int length) = (c, d) switch
        {
            ('=', '=') => (FilterComparison.Equal, 2),
            ('!', '=') => (FilterComparison.NotEqual, 2),
            ('<', '=') => (FilterComparison.LessOrEqual, 2),
            ('>', '=') => (FilterComparison.GreaterOrEqual, 2),
            ('=', '~') => (FilterComparison.RegexMatch, 2),
            ('<', _) => (FilterComparison.Less, 1),
            ('>', _) => (FilterComparison.Greater, 1),
            _ => ((FilterComparison?)null, 0),
        };
        position += length;
        return op;
    }

    private Regex ReadRegex()
    {
        if (Peek() != '/')
        {
            throw Error("expected a /regex/ after '=~'");
        }

        var end = text.IndexOf('/', position + 1);
        while (end > 0 && text[end - 1] == '\\')
        {
            end = text.IndexOf('/', end + 1);
        }

        if (end < 0)
        {
            throw Error("unterminated regex");
        }

        var pattern = text[(position + 1)..end];
        position = end + 1;
        var options = RegexOptions.CultureInvariant;
        while (char.IsAsciiLetter(Peek()))
        {
            if (text[position] == 'i')
            {
                options |= RegexOptions.IgnoreCase;
            }

            position++;
        }

        return new Regex(pattern, options, TimeSpan.FromSeconds(1));
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        var c = Peek();
        if (c is '@' or '$')
        {
            position++;
            return FilterOperand.Path(ParseSegments(embedded: true), fromRoot: c == '$');
        }

        if (c is '\'' or '"')
        {
            return FilterOperand.Literal(JsonValue.Create(ReadQuoted()));
        }

        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
        {
            position++;
        }

        var token = text[start..position];
        switch (token)
        {
            case "true":
                return FilterOperand.Literal(JsonValue.Create(true));
            case "false":
                return FilterOperand.Literal(JsonValue.Create(false));
            case "null":
                return FilterOperand.Literal(null);
        }

        if (token.Length > 0 && decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            try
            {
                return FilterOperand.Literal(FilterOperand.ParseLiteral(token));
            }
            catch (JsonException)
            {
                throw Error($"invalid number '{token}' in the filter");
            }
        }

        throw Error("expected a path, a string, a number, true, false or null in the filter");
    }
}
