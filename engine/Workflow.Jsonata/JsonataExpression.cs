namespace Workflow.Jsonata;

/// <summary>
/// A compiled JSONata expression. Parse once, evaluate many times; evaluation is thread-safe (each call has its
/// own scope, depth and time budget).
/// </summary>
public sealed class JsonataExpression
{
    private readonly Node _ast;

    private JsonataExpression(string source, Node ast)
    {
        Source = source;
        _ast = ast;
    }

    public string Source { get; }

    /// <summary>Compiles an expression; syntax errors raise <see cref="JsonataException"/> (S0xxx codes).</summary>
    public static JsonataExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new JsonataExpression(expression, Parser.Parse(expression));
    }

    /// <summary>
    /// Evaluates against an input in JSONata's value model (see <see cref="JsonataValues"/>); null input means no
    /// input (undefined). Returns null when the expression yields nothing (undefined).
    /// </summary>
    public object? Evaluate(object? input, IReadOnlyDictionary<string, object?>? bindings = null, EvaluationOptions? options = null)
    {
        var evaluator = new Evaluator(options ?? EvaluationOptions.Default);
        var environment = new Frame(BuiltinFunctions.Global);
        if (bindings is not null)
        {
            foreach (var (name, value) in bindings)
            {
                environment.Bind(name, value);
            }
        }

        environment.Bind("$", input);
        if (input is Sequence { IsSequence: false } array)
        {
            var wrapped = Sequence.Of(array);
            wrapped.OuterWrapper = true;
            input = wrapped;
        }

        try
        {
            return evaluator.Evaluate(_ast, input, environment);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");
        }
    }

    public override string ToString() => Source;
}
