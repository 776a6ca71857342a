using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>Parses Step Functions intrinsic function calls such as <c>States.Format('Hi {}', $.name)</c>.</summary>
public static class IntrinsicFunctions
{
    private static readonly ConcurrentDictionary<(string Text, string? Field), IntrinsicExpression> Cache = new();

    /// <summary>True when the text looks like an intrinsic call (<c>States.Name(</c>...), not a path.</summary>
    public static bool IsIntrinsic(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.StartsWith("States.", StringComparison.Ordinal))
        {
            return false;
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        return open > "States.".Length && text.TrimEnd().EndsWith(')');
    }

    /// <summary>
    /// Compiles (or returns the cached) call. Unknown functions, wrong argument counts and bad syntax throw
    /// <see cref="ArgumentException"/>. <paramref name="fieldName"/> (e.g. <c>key.$</c>) names the field in
    /// runtime causes when a path argument finds nothing.
    /// </summary>
    public static IntrinsicExpression Parse(string text, string? fieldName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue((text, fieldName), out var cached))
        {
            return cached;
        }

        var parser = new IntrinsicParser(text, fieldName);
        var expression = parser.ParseCall();
        parser.ExpectEnd();
        return Cache.GetOrAdd((text, fieldName), expression);
    }

    private sealed class IntrinsicParser(string text, string? fieldName)
    {
        private int position;

        public IntrinsicExpression ParseCall()
        {
            SkipSpaces();
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var name = text[start..position];
            var function = IntrinsicCatalog.Find(name) ?? throw Error($"'{name}' is not a supported intrinsic function");
            SkipSpaces();
            if (Peek() != '(')
            {
                throw Error($"expected '(' after {name}");
            }

            position++;
            var arguments = new List<IntrinsicArgument>();
            SkipSpaces();
            if (Peek() == ')')
            {
                position++;
            }
            else
            {
                while (true)
                {
                    arguments.Add(ParseArgument());
                    SkipSpaces();
                    var c = Peek();
                    position++;
                    if (c == ',')
                    {
                        continue;
                    }

                    if (c == ')')
                    {
                        break;
                    }

                    throw Error(c == '\0' ? "missing ')'" : $"unexpected character '{c}'");
                }
            }

            if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
            {
                var expected = function.MinArguments == function.MaxArguments
                    ? function.MinArguments.ToString(CultureInfo.InvariantCulture)
                    : function.MaxArguments == int.MaxValue
                        ? $"at least {function.MinArguments}"
                        : $"{function.MinArguments} to {function.MaxArguments}";
                throw Error($"{name} takes {expected} argument(s) but {arguments.Count} were given");
            }

            return new IntrinsicExpression(text, function, [.. arguments]);
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (position != text.Length)
            {
                throw Error("unexpected text after the function call");
            }
        }

        private IntrinsicArgument ParseArgument()
        {
            SkipSpaces();
            var c = Peek();
            if (c == '\'')
            {
                return ParseString();
            }

            if (c == '$')
            {
                var path = ReadPathText();
                try
                {
                    return new PathArgument(JsonPathExpression.Parse(path), fieldName);
                }
                catch (ArgumentException e)
                {
                    throw Error(e.Message);
                }
            }

            if (text.AsSpan(position).StartsWith("States.", StringComparison.Ordinal))
            {
                return new CallArgument(ParseCall());
            }

            var start = position;
            while (position < text.Length && text[position] is not (',' or ')') && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            var token = text[start..position];
            switch (token)
            {
                case "true":
                    return new LiteralArgument(JsonValue.Create(true));
                case "false":
                    return new LiteralArgument(JsonValue.Create(false));
                case "null":
                    return new LiteralArgument(null);
            }

            if (token.Length > 0 && IsJsonNumber(token))
            {
                try
                {
                    return new LiteralArgument(JsonNode.Parse(token));
                }
                catch (JsonException)
                {
                    throw Error($"invalid number '{token}'");
                }
            }

            throw Error(token.Length == 0 ? "expected an argument" : $"invalid argument '{token}'");
        }

        private static bool IsJsonNumber(string token) =>
            double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            && (char.IsAsciiDigit(token[0]) || (token[0] == '-' && token.Length > 1 && char.IsAsciiDigit(token[1])))
            && char.IsAsciiDigit(token[^1]);

        /// <summary>A path ends at a top-level ',' or ')'; brackets, parentheses and quotes inside it are skipped.</summary>
        private string ReadPathText()
        {
            var start = position;
            var depth = 0;
            char quote = '\0';
            while (position < text.Length)
            {
                var c = text[position];
                if (quote != '\0')
                {
                    if (c == '\\')
                    {
                        position++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c is '[' or '(')
                {
                    depth++;
                }
                else if (c is ']' || (c == ')' && depth > 0))
                {
                    depth--;
                }
                else if (depth == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
                {
                    break;
                }

                position++;
            }

            return text[start..position];
        }

        private StringLiteralArgument ParseString()
        {
            position++; // opening quote
            var value = new StringBuilder();
            var part = new StringBuilder();
            var parts = new List<string>();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("unterminated string literal");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    break;
                }

                if (c == '\\' && position < text.Length && text[position] is '\'' or '{' or '}' or '\\')
                {
                    var escaped = text[position++];
                    value.Append(escaped);
                    part.Append(escaped);
                    continue;
                }

                if (c == '{' && position < text.Length && text[position] == '}')
                {
                    position++;
                    value.Append("{}");
                    parts.Add(part.ToString());
                    part.Clear();
                    continue;
                }

                value.Append(c);
                part.Append(c);
            }

            parts.Add(part.ToString());
            return new StringLiteralArgument(value.ToString(), [.. parts]);
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private ArgumentException Error(string problem) =>
            new($"Invalid intrinsic function call '{text}': {problem} (at position {position}).", nameof(text));
    }
}
