namespace Workflow.Jsonata;

/// <summary>
/// JSON <c>null</c> in JSONata's value model. C# <c>null</c> stands for JSONata's "undefined" (no value), which is
/// a different thing: <c>null</c> is a value that can be stored, compared and output.
/// </summary>
public sealed class JsonataNull
{
    public static readonly JsonataNull Value = new();

    private JsonataNull()
    {
    }

    public override string ToString() => "null";
}
