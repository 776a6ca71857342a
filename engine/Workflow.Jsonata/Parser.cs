using System.Runtime.CompilerServices;

namespace Workflow.Jsonata;

/// <summary>Top-down operator-precedence (Pratt) parser producing the raw expression tree.</summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, int> BindingPowers = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80,
        ["#"] = 80, [";"] = 0, [":"] = 0, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["|"] = 0, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 0, [":="] = 10, ["!="] = 40,
        ["<="] = 40, [">="] = 40, ["~>"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50,
    };

    private readonly Tokenizer _tokenizer;
    private readonly int _length;
    private Node _node = null!;
    private bool _previousEndsOperand;

    private Parser(string source)
    {
        _tokenizer = new Tokenizer(source);
        _length = source.Length;
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance();
        var ast = parser.Expression(0);
        if (parser._node.Type != NodeType.End)
        {
            throw new JsonataException("S0201", $"Syntax error: \"{parser._node.Text}\"", parser._node.Position, parser._node.Text);
        }

        var processed = AstProcessor.Process(ast);
        if (processed.Type == NodeType.Parent || processed.SeekingParent is not null)
        {
            throw new JsonataException("S0217", "The object representing the 'parent' cannot be derived from this expression", processed.Position, processed.Type.ToString().ToLowerInvariant());
        }

        return processed;
    }

    private int Lbp(Node node) =>
        node.Type == NodeType.Operator && BindingPowers.TryGetValue(node.Text, out var bp) ? bp : 0;

    private Node Advance(string? expected = null)
    {
        if (expected is not null && (_node.Type != NodeType.Operator || _node.Text != expected))
        {
            var code = _node.Type == NodeType.End ? "S0203" : "S0202";
            var message = code == "S0203"
                ? $"Expected \"{expected}\" before end of expression"
                : $"Expected \"{expected}\", got \"{_node.Text}\"";
            throw new JsonataException(code, message, _node.Position, _node.Text, expected);
        }

        var token = _tokenizer.Next(_previousEndsOperand);
        _previousEndsOperand = token.Type is TokenType.Name or TokenType.Variable or TokenType.String or TokenType.Number
            or TokenType.Value or TokenType.Regex
            || (token.Type == TokenType.Operator && token.Text is ")" or "]" or "}");
        var type = token.Type switch
        {
            TokenType.End => NodeType.End,
            TokenType.Name => NodeType.Name,
            TokenType.Variable => NodeType.Variable,
            TokenType.String => NodeType.String,
            TokenType.Number => NodeType.Number,
            TokenType.Value => NodeType.Value,
            TokenType.Regex => NodeType.Regex,
            _ => NodeType.Operator,
        };
        if (type == NodeType.Operator && !BindingPowers.ContainsKey(token.Text))
        {
            throw new JsonataException("S0204", $"Unknown operator: \"{token.Text}\"", token.Position, token.Text);
        }

        _node = new Node(type, token.Type == TokenType.End ? _length : token.Position)
        {
            Text = token.Text,
            Literal = token.Value,
        };
        return _node;
    }

    private bool At(string op) => _node.Type == NodeType.Operator && _node.Text == op;

    private Node Expression(int rbp)
    {
        // Deeply nested brackets must give a clear error, not overflow the host's stack.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", "Stack overflow error: the expression is nested too deeply", _node.Position);
        }

        var t = _node;
        Advance();
        var left = Nud(t);
        while (rbp < Lbp(_node))
        {
            t = _node;
            Advance();
            left = Led(t, left);
        }

        return left;
    }

    private Node Nud(Node t)
    {
        if (t.Type != NodeType.Operator)
        {
            return t;
        }

        switch (t.Text)
        {
            case "and" or "or" or "in":
                return t;
            case "-":
                t.Type = NodeType.Unary;
                t.Expression = Expression(70);
                return t;
            case "*":
                t.Type = NodeType.Wildcard;
                return t;
            case "**":
                t.Type = NodeType.Descendant;
                return t;
            case "%":
                t.Type = NodeType.Parent;
                return t;
            case "(":
                return Block(t);
            case "[":
                return ArrayConstructor(t);
            case "{":
                t.Type = NodeType.Unary;
                t.Pairs = ObjectPairs();
                return t;
            case "|":
                return TransformNud(t);
            default:
                throw new JsonataException("S0211", $"The symbol {t.Text} cannot be used as a unary operator", t.Position, t.Text);
        }
    }

    private Node Led(Node t, Node left)
    {
        switch (t.Text)
        {
            case "(":
                return FunctionCall(t, left);
            case "[":
                if (At("]"))
                {
                    var step = left;
                    while (step.Type == NodeType.Binary && step.Text == "[")
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]");
                    return left;
                }

                t.Lhs = left;
                t.Rhs = Expression(BindingPowers["]"]);
                t.Type = NodeType.Binary;
                Advance("]");
                return t;
            case "{":
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Pairs = ObjectPairs();
                return t;
            case "^":
                return SortLed(t, left);
            case ":=":
                if (left.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", left.Position, left.Text);
                }

                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(BindingPowers[":="] - 1);
                return t;
            case "@" or "#":
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(BindingPowers[t.Text]);
                if (t.Rhs.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0214", $"The right side of {t.Text} must be a variable name (start with $)", t.Rhs.Position, t.Text);
                }

                return t;
            case "?":
                t.Type = NodeType.Condition;
                t.Condition = left;
                t.Then = Expression(0);
                if (At(":"))
                {
                    Advance(":");
                    t.Else = Expression(0);
                }

                return t;
            case "." or "+" or "-" or "*" or "/" or "%" or "=" or "<" or ">" or "!=" or "<=" or ">=" or "&" or "and"
                or "or" or "in" or "~>":
                t.Type = NodeType.Binary;
                t.Lhs = left;
                t.Rhs = Expression(BindingPowers[t.Text]);
                return t;
            default:
                throw new JsonataException("S0201", $"Syntax error: \"{t.Text}\"", t.Position, t.Text);
        }
    }

    private Node Block(Node t)
    {
        var expressions = new List<Node>();
        while (!At(")"))
        {
            expressions.Add(Expression(0));
            if (!At(";"))
            {
                break;
            }

            Advance(";");
        }

        Advance(")");
        t.Type = NodeType.Block;
        t.Expressions = expressions;
        return t;
    }

    private Node ArrayConstructor(Node t)
    {
        var items = new List<Node>();
        if (!At("]"))
        {
            while (true)
            {
                var item = Expression(0);
                if (At(".."))
                {
                    var range = new Node(NodeType.Binary, _node.Position) { Text = "..", Lhs = item };
                    Advance("..");
                    range.Rhs = Expression(0);
                    item = range;
                }

                items.Add(item);
                if (!At(","))
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance("]");
        t.Type = NodeType.Unary;
        t.Expressions = items;
        return t;
    }

    private List<(Node, Node)> ObjectPairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!At("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Advance(":");
                var value = Expression(0);
                pairs.Add((key, value));
                if (!At(","))
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance("}");
        return pairs;
    }

    private Node TransformNud(Node t)
    {
        t.Type = NodeType.Transform;
        t.Pattern = Expression(0);
        Advance("|");
        t.Update = Expression(0);
        if (At(","))
        {
            Advance(",");
            t.Delete = Expression(0);
        }

        Advance("|");
        return t;
    }

    private Node SortLed(Node t, Node left)
    {
        Advance("(");
        var terms = new List<SortTerm>();
        while (true)
        {
            var descending = false;
            if (At("<"))
            {
                Advance("<");
            }
            else if (At(">"))
            {
                descending = true;
                Advance(">");
            }

            terms.Add(new SortTerm(descending, Expression(0)));
            if (!At(","))
            {
                break;
            }

            Advance(",");
        }

        Advance(")");
        t.Type = NodeType.Sort;
        t.Lhs = left;
        t.Terms = terms;
        return t;
    }

    private Node FunctionCall(Node t, Node left)
    {
        t.Procedure = left;
        t.Type = NodeType.Function;
        t.Arguments = [];
        if (!At(")"))
        {
            while (true)
            {
                if (_node.Type == NodeType.Operator && _node.Text == "?")
                {
                    t.Type = NodeType.Partial;
                    t.Arguments.Add(_node);
                    Advance("?");
                }
                else
                {
                    t.Arguments.Add(Expression(0));
                }

                if (!At(","))
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance(")");
        if (left.Type == NodeType.Name && left.Text is "function" or "\u03BB")
        {
            for (var i = 0; i < t.Arguments.Count; i++)
            {
                var arg = t.Arguments[i];
                if (arg.Type != NodeType.Variable)
                {
                    throw new JsonataException("S0208", $"Parameter {i + 1} of function definition must be a variable name (start with $)", arg.Position, arg.Text, i + 1);
                }
            }

            t.Type = NodeType.Lambda;
            if (At("<"))
            {
                var signaturePosition = _node.Position;
                var depth = 1;
                var signature = "<";
                while (depth > 0 && !At("{") && _node.Type != NodeType.End)
                {
                    var token = Advance();
                    if (token.Type == NodeType.Operator && token.Text == ">")
                    {
                        depth--;
                    }
                    else if (token.Type == NodeType.Operator && token.Text == "<")
                    {
                        depth++;
                    }

                    signature += token.Text;
                }

                Advance(">");
                t.Signature = Signature.Parse(signature, signaturePosition);
            }

            Advance("{");
            t.Body = Expression(0);
            Advance("}");
        }

        return t;
    }
}
