namespace Workflow.Jsonata;

/// <summary>A JSONata compile or evaluation error, with JSONata's error code (S0xxx, T1xxx, D3xxx, U1001, ...).</summary>
public sealed class JsonataException : Exception
{
    public JsonataException()
        : this("U0000", "JSONata error")
    {
    }

    public JsonataException(string message)
        : this("U0000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "U0000";
    }

    public JsonataException(string code, string message, int position = -1, string? token = null, object? value = null)
        : base(message)
    {
        Code = code;
        Position = position;
        Token = token;
        Value = value;
    }

    public string Code { get; }

    /// <summary>Character offset in the expression, or -1 when not known.</summary>
    public int Position { get; internal set; }

    public string? Token { get; internal set; }

    public object? Value { get; }

    /// <summary>1-based argument number for signature errors (T0410, T0411, T0412).</summary>
    public int Index { get; init; }

}
