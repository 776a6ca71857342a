namespace Workflow.Jsonata;

/// <summary>A function value: a lambda, a built-in, a partial application or a regular expression.</summary>
public abstract class JsonataFunction
{
    /// <summary>How many arguments higher-order functions pass to it (value, index, array).</summary>
    internal abstract int Arity { get; }

    internal virtual Signature? Signature => null;
}

/// <summary>A lambda (closure) defined in an expression, or a tail-call thunk.</summary>
internal sealed class Lambda : JsonataFunction
{
    public Lambda(Node body, IReadOnlyList<string> parameters, Signature? signature, object? input, Frame environment, bool thunk)
    {
        Body = body;
        Parameters = parameters;
        LambdaSignature = signature;
        Input = input;
        Environment = environment;
        IsThunk = thunk;
    }

    public Node Body { get; }

    public IReadOnlyList<string> Parameters { get; }

    public Signature? LambdaSignature { get; }

    public object? Input { get; }

    public Frame Environment { get; }

    public bool IsThunk { get; }

    internal override int Arity => Parameters.Count;

    internal override Signature? Signature => LambdaSignature;
}

/// <summary>What a built-in function sees when called: the evaluator (to call function arguments) and the focus.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, object? Input, Frame Environment);

/// <summary>A built-in function with its JSONata signature.</summary>
internal sealed class NativeFunction : JsonataFunction
{
    private readonly Signature _signature;
    private readonly int _arity;

    public NativeFunction(string name, string signature, Func<CallContext, object?[], object?> implementation, int? arity = null)
    {
        Name = name;
        _signature = Signature.Parse(signature);
        Implementation = implementation;
        _arity = arity ?? _signature.ParameterCount;
    }

    public string Name { get; }

    public Func<CallContext, object?[], object?> Implementation { get; }

    internal override int Arity => _arity;

    internal override Signature? Signature => _signature;
}

/// <summary>A built-in with some arguments fixed by partial application (<c>$substring(?, 0, 2)</c>).</summary>
internal sealed class PartialNative : JsonataFunction
{
    public PartialNative(JsonataFunction target, object?[] arguments, bool[] placeholders)
    {
        Target = target;
        Arguments = arguments;
        Placeholders = placeholders;
    }

    public JsonataFunction Target { get; }

    public object?[] Arguments { get; }

    public bool[] Placeholders { get; }

    internal override int Arity => Placeholders.Count(p => p);
}

/// <summary>Host-defined functions (e.g. Step Functions' <c>$partition</c>), passed to an evaluation as bindings.</summary>
public static class JsonataFunctions
{
    /// <summary>
    /// A function value with a JSONata signature (e.g. <c>&lt;an:a&gt;</c>); arguments arrive validated, in the
    /// value model of <see cref="JsonataValues"/>. Throw <see cref="JsonataException"/> for errors.
    /// </summary>
    public static JsonataFunction Create(string name, string signature, Func<IReadOnlyList<object?>, object?> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return new NativeFunction(name, signature, (_, args) => implementation(args));
    }
}
