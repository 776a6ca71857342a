namespace Workflow.Jsonata;

internal enum TokenType
{
    End,
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
}

/// <summary>One lexical token; <see cref="Position"/> is the offset just after it, as JSONata reports.</summary>
internal sealed record Token(TokenType Type, string Text, object? Value, int Position);
