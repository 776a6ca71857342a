using System.Globalization;
using System.Text;

namespace Workflow.Jsonata;

/// <summary>Splits a JSONata expression into tokens (names, variables, literals, operators, regexes).</summary>
internal sealed class Tokenizer
{
    private static readonly string[] TwoCharOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>"];
    private const string SingleCharOperators = ".[]{}(),@#;:?+-*/%|=<>^&!~";

    private readonly string _source;
    private int _position;

    public Tokenizer(string source) => _source = source;

    /// <summary>
    /// The next token. <paramref name="afterOperand"/> says whether the previous token ended an operand (a name,
    /// literal or closing bracket): then '/' is division, otherwise it opens a regular expression.
    /// </summary>
    public Token Next(bool afterOperand)
    {
        SkipWhitespaceAndComments();
        if (_position >= _source.Length)
        {
            return new Token(TokenType.End, "(end)", null, _position);
        }

        var c = _source[_position];
        if (c == '/' && !afterOperand)
        {
            return ReadRegex();
        }

        if (_position + 1 < _source.Length)
        {
            var two = _source.Substring(_position, 2);
            if (Array.IndexOf(TwoCharOperators, two) >= 0)
            {
                _position += 2;
                return new Token(TokenType.Operator, two, two, _position);
            }
        }

        if (SingleCharOperators.Contains(c, StringComparison.Ordinal))
        {
            _position++;
            return new Token(TokenType.Operator, c.ToString(), c.ToString(), _position);
        }

        if (c is '"' or '\'')
        {
            return ReadString(c);
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c == '`')
        {
            var end = _source.IndexOf('`', _position + 1);
            if (end < 0)
            {
                throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", _position);
            }

            var name = _source[(_position + 1)..end];
            _position = end + 1;
            return new Token(TokenType.Name, name, name, _position);
        }

        return ReadName();
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _source.Length && _source[_position + 1] == '*')
            {
                var end = _source.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonataException("S0106", "Comment has no closing tag", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadRegex()
    {
        var start = ++_position;
        var depth = 0;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '/' && depth == 0 && !IsEscaped(_position))
            {
                var pattern = _source[start.._position];
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", _position);
                }

                _position++;
                var flagsStart = _position;
                while (_position < _source.Length && "gimsuy".Contains(_source[_position], StringComparison.Ordinal))
                {
                    _position++;
                }

                var flags = _source[flagsStart.._position];
                return new Token(TokenType.Regex, pattern, JsonataRegex.Create(pattern, flags), _position);
            }

            if (c is '(' or '[' or '{' && !IsEscaped(_position))
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && !IsEscaped(_position))
            {
                depth--;
            }

            _position++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", _position);
    }

    private bool IsEscaped(int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && _source[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private Token ReadString(char quote)
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c == '\\')
            {
                _position++;
                if (_position >= _source.Length)
                {
                    break;
                }

                var e = _source[_position];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 < _source.Length
                            && int.TryParse(_source.AsSpan(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            builder.Append((char)code);
                            _position += 4;
                            break;
                        }

                        throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", _position);
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{e}", _position, e.ToString());
                }
            }
            else if (c == quote)
            {
                _position++;
                var text = builder.ToString();
                return new Token(TokenType.String, text, text, _position);
            }
            else
            {
                builder.Append(c);
            }

            _position++;
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", _position);
    }

    private Token ReadNumber()
    {
        var start = _position;
        var i = _position;
        if (_source[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < _source.Length && char.IsAsciiDigit(_source[i]))
            {
                i++;
            }
        }

        if (i + 1 < _source.Length && _source[i] == '.' && char.IsAsciiDigit(_source[i + 1]))
        {
            i++;
            while (i < _source.Length && char.IsAsciiDigit(_source[i]))
            {
                i++;
            }
        }

        if (i < _source.Length && _source[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < _source.Length && _source[j] is '+' or '-')
            {
                j++;
            }

            if (j < _source.Length && char.IsAsciiDigit(_source[j]))
            {
                while (j < _source.Length && char.IsAsciiDigit(_source[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        var text = _source[start..i];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw new JsonataException("S0102", $"Number out of range: {text}", i, text);
        }

        _position = i;
        return new Token(TokenType.Number, text, value, _position);
    }

    private Token ReadName()
    {
        var start = _position;
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (char.IsWhiteSpace(c) || SingleCharOperators.Contains(c, StringComparison.Ordinal) || c is '"' or '\'' or '`')
            {
                break;
            }

            _position++;
        }

        var name = _source[start.._position];
        if (name.Length == 0)
        {
            throw new JsonataException("S0204", $"Unknown operator: {_source[_position]}", _position, _source[_position].ToString());
        }

        if (name[0] == '$')
        {
            return new Token(TokenType.Variable, name[1..], name[1..], _position);
        }

        return name switch
        {
            "and" or "or" or "in" => new Token(TokenType.Operator, name, name, _position),
            "true" => new Token(TokenType.Value, name, true, _position),
            "false" => new Token(TokenType.Value, name, false, _position),
            "null" => new Token(TokenType.Value, name, JsonataNull.Value, _position),
            _ => new Token(TokenType.Name, name, name, _position),
        };
    }
}
