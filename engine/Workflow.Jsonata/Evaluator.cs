using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Workflow.Jsonata;

/// <summary>
/// Evaluates a processed expression tree against an input, following JSONata 2.0.6's semantics (sequences,
/// singleton collapsing, tuple streams for focus/index/parent bindings). One instance per evaluation: it carries
/// the depth and time budget and the timestamp that <c>$now()</c> and <c>$millis()</c> report.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly EvaluationOptions _options;
    private readonly long _deadline;
    private int _depth;

    public Evaluator(EvaluationOptions options)
    {
        _options = options;
        Timestamp = options.TimeProvider.GetUtcNow();
        _deadline = options.TimeLimit is { } limit
            ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency)
            : long.MaxValue;
    }

    public DateTimeOffset Timestamp { get; }

    public EvaluationOptions Options => _options;

    public object? Evaluate(Node expr, object? input, Frame environment)
    {
        Enter();
        try
        {
            var result = EvaluateCore(expr, input, environment);
            if (expr.Predicate is not null)
            {
                foreach (var stage in expr.Predicate)
                {
                    result = EvaluateFilter(stage.Filter!, result, environment);
                }
            }

            if (expr.Type != NodeType.Path && expr.Group is not null)
            {
                result = EvaluateGroup(expr.Group, result, environment);
            }

            if (result is Sequence { IsSequence: true, TupleStream: false } seq)
            {
                if (expr.KeepArray)
                {
                    seq.KeepSingleton = true;
                }

                if (seq.Count == 0)
                {
                    return null;
                }

                if (seq.Count == 1)
                {
                    return seq.KeepSingleton ? seq : seq[0];
                }
            }

            return result;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// Adds position and token to an error on its way out. Used as an exception filter (always false) so the
    /// error passes through without catch-and-rethrow, whose handlers would pile up on an already deep stack.
    /// </summary>
    private static bool Annotate(JsonataException e, int position, string token)
    {
        if (e.Position < 0)
        {
            e.Position = position;
        }

        e.Token ??= token;
        return false;
    }

    private void Enter()
    {
        _depth++;
        if (_depth > _options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");
        }

        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new JsonataException("U1001", "Expression evaluation timeout: Check for infinite loop");
        }
    }

    private object? EvaluateCore(Node expr, object? input, Frame environment) => expr.Type switch
    {
        NodeType.Path => EvaluatePath(expr, input, environment),
        NodeType.Binary => EvaluateBinary(expr, input, environment),
        NodeType.Unary => EvaluateUnary(expr, input, environment),
        NodeType.Name => Values.Lookup(input, expr.Text),
        NodeType.String or NodeType.Number or NodeType.Value => expr.Literal,
        NodeType.Wildcard => EvaluateWildcard(input),
        NodeType.Descendant => EvaluateDescendants(input),
        NodeType.Parent => environment.Lookup(expr.Slot!.Label),
        NodeType.Condition => EvaluateCondition(expr, input, environment),
        NodeType.Block => EvaluateBlock(expr, input, environment),
        NodeType.Bind => EvaluateBind(expr, input, environment),
        NodeType.Regex => expr.Literal,
        NodeType.Function => EvaluateFunction(expr, input, environment, null, false),
        NodeType.Variable => EvaluateVariable(expr, input, environment),
        NodeType.Lambda => new Lambda(expr.Body!, expr.Arguments!.Select(a => a.Text).ToList(), expr.Signature, input, environment, expr.Thunk) { },
        NodeType.Partial => EvaluatePartialApplication(expr, input, environment),
        NodeType.Apply => EvaluateApply(expr, input, environment),
        NodeType.Transform => EvaluateTransform(expr, environment),
        NodeType.Sort => throw new JsonataException("S0206", "Unexpected sort expression", expr.Position),
        _ => throw new JsonataException("S0206", $"Unknown expression type: {expr.Type}", expr.Position),
    };

    private static object? EvaluateVariable(Node expr, object? input, Frame environment)
    {
        if (expr.Text.Length == 0)
        {
            return input is Sequence { OuterWrapper: true } wrapped ? wrapped[0] : input;
        }

        return environment.Lookup(expr.Text);
    }

    private object? EvaluatePath(Node expr, object? input, Frame environment)
    {
        Sequence inputSequence = input is Sequence s && expr.Steps![0].Type != NodeType.Variable ? s : Sequence.Of(input);
        Sequence? resultSequence = null;
        var isTupleStream = false;
        Sequence? tupleBindings = null;
        var steps = expr.Steps!;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (i == 0 && step.ConsArray)
            {
                resultSequence = Evaluate(step, inputSequence, environment) as Sequence;
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, environment);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, environment, i == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = Sequence.Create();
                foreach (var tuple in tupleBindings!.Cast<TupleBinding>())
                {
                    resultSequence.Add(tuple.Context);
                }
            }
        }

        if (expr.KeepSingletonArray)
        {
            if (resultSequence is { IsConstructed: true, IsSequence: false })
            {
                resultSequence = Sequence.Of(resultSequence);
            }

            resultSequence ??= Sequence.Create();
            resultSequence.KeepSingleton = true;
        }

        if (expr.Group is not null)
        {
            return EvaluateGroup(expr.Group, isTupleStream ? tupleBindings : resultSequence, environment);
        }

        return resultSequence;
    }

    private static Frame FrameFromTuple(Frame environment, TupleBinding tuple)
    {
        var frame = new Frame(environment);
        foreach (var (name, value) in tuple)
        {
            frame.Bind(name, value);
        }

        return frame;
    }

    private Sequence EvaluateStep(Node expr, Sequence input, Frame environment, bool lastStep)
    {
        if (expr.Type == NodeType.Sort)
        {
            var sorted = EvaluateSort(expr, input, environment);
            if (expr.Stages is not null)
            {
                sorted = EvaluateStages(expr.Stages, sorted, environment);
            }

            return sorted;
        }

        var result = new List<object?>(input.Count);
        foreach (var item in input)
        {
            var res = Evaluate(expr, item, environment);
            if (expr.Stages is not null)
            {
                foreach (var stage in expr.Stages)
                {
                    res = EvaluateFilter(stage.Filter!, res, environment);
                }
            }

            if (res is not null)
            {
                result.Add(res);
            }
        }

        if (lastStep && result.Count == 1 && result[0] is Sequence { IsSequence: false } only)
        {
            return only;
        }

        var resultSequence = Sequence.Create();
        foreach (var res in result)
        {
            if (res is Sequence array && !array.IsConstructed)
            {
                resultSequence.AddRange(array);
            }
            else
            {
                resultSequence.Add(res);
            }
        }

        return resultSequence;
    }

    private Sequence EvaluateStages(List<Stage> stages, Sequence input, Frame environment)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.IsIndex)
            {
                for (var i = 0; i < result.Count; i++)
                {
                    ((TupleBinding)result[i]!)[stage.IndexVariable!] = (double)i;
                }
            }
            else
            {
                result = EvaluateFilter(stage.Filter!, result, environment);
            }
        }

        return result;
    }

    private Sequence EvaluateTupleStep(Node expr, Sequence input, Sequence? tupleBindings, Frame environment)
    {
        Sequence result;
        if (expr.Type == NodeType.Sort)
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(expr, tupleBindings, environment);
            }
            else
            {
                var sorted = EvaluateSort(expr, input, environment);
                result = Sequence.Create();
                result.TupleStream = true;
                for (var i = 0; i < sorted.Count; i++)
                {
                    var tuple = new TupleBinding { ["@"] = sorted[i] };
                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)i;
                    }

                    result.Add(tuple);
                }
            }

            if (expr.Stages is not null)
            {
                result = EvaluateStages(expr.Stages, result, environment);
            }

            return result;
        }

        result = Sequence.Create();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = Sequence.Create();
            foreach (var item in input)
            {
                tupleBindings.Add(new TupleBinding { ["@"] = item });
            }
        }

        foreach (var binding in tupleBindings.Cast<TupleBinding>())
        {
            var stepEnv = FrameFromTuple(environment, binding);
            var res = Evaluate(expr, binding.Context, stepEnv);
            if (res is null)
            {
                continue;
            }

            var items = res as Sequence ?? Sequence.Of(res);
            for (var b = 0; b < items.Count; b++)
            {
                var tuple = new TupleBinding(binding);
                if (items.TupleStream)
                {
                    foreach (var (k, v) in (TupleBinding)items[b]!)
                    {
                        tuple[k] = v;
                    }
                }
                else
                {
                    if (expr.Focus is not null)
                    {
                        tuple[expr.Focus] = items[b];
                        tuple["@"] = binding.Context;
                    }
                    else
                    {
                        tuple["@"] = items[b];
                    }

                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)b;
                    }

                    if (expr.Ancestor is not null)
                    {
                        tuple[expr.Ancestor.Label] = binding.Context;
                    }
                }

                result.Add(tuple);
            }
        }

        if (expr.Stages is not null)
        {
            result = EvaluateStages(expr.Stages, result, environment);
        }

        return result;
    }

    private Sequence EvaluateFilter(Node predicate, object? input, Frame environment)
    {
        var results = Sequence.Create();
        if (input is Sequence { TupleStream: true })
        {
            results.TupleStream = true;
        }

        var inputs = input as Sequence ?? Sequence.Of(input);
        if (predicate.Type == NodeType.Number)
        {
            var index = (int)Math.Floor((double)predicate.Literal!);
            if (index < 0)
            {
                index = inputs.Count + index;
            }

            if (index >= 0 && index < inputs.Count)
            {
                var item = inputs[index];
                if (item is Sequence array)
                {
                    return array;
                }

                if (item is not null)
                {
                    results.Add(item);
                }
            }

            return results;
        }

        for (var index = 0; index < inputs.Count; index++)
        {
            var item = inputs[index];
            var context = item;
            var env = environment;
            if (inputs.TupleStream)
            {
                var tuple = (TupleBinding)item!;
                context = tuple.Context;
                env = FrameFromTuple(environment, tuple);
            }

            var res = Evaluate(predicate, context, env);
            if (res is double d)
            {
                Values.CheckFinite(d);
                res = Sequence.Of(d);
            }

            if (res is Sequence { Count: > 0 } numbers && numbers.All(n => n is double))
            {
                foreach (var n in numbers.Cast<double>())
                {
                    var ii = Math.Floor(n);
                    if (ii < 0)
                    {
                        ii = inputs.Count + ii;
                    }

                    if (ii == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Values.Boolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private object? EvaluateBinary(Node expr, object? input, Frame environment)
    {
        var lhs = Evaluate(expr.Lhs!, input, environment);
        var op = expr.Text;
        try
        {
            switch (op)
            {
                case "and":
                    return Values.Boolize(lhs) && Values.Boolize(Evaluate(expr.Rhs!, input, environment));
                case "or":
                    return Values.Boolize(lhs) || Values.Boolize(Evaluate(expr.Rhs!, input, environment));
            }

            var rhs = Evaluate(expr.Rhs!, input, environment);
            return op switch
            {
                "+" or "-" or "*" or "/" or "%" => Operators.Numeric(lhs, rhs, op),
                "=" => lhs is not null && rhs is not null && Values.DeepEqual(lhs, rhs),
                "!=" => lhs is not null && rhs is not null && !Values.DeepEqual(lhs, rhs),
                "<" or "<=" or ">" or ">=" => Operators.Compare(lhs, rhs, op),
                "&" => Values.StringOf(lhs, this) + Values.StringOf(rhs, this),
                ".." => Operators.Range(lhs, rhs),
                "in" => Operators.Includes(lhs, rhs),
                _ => throw new JsonataException("S0201", $"Syntax error: \"{op}\"", expr.Position, op),
            };
        }
        catch (JsonataException e) when (Annotate(e, expr.Position, op))
        {
            throw;
        }
    }

    private object? EvaluateUnary(Node expr, object? input, Frame environment)
    {
        switch (expr.Text)
        {
            case "-":
            {
                var result = Evaluate(expr.Expression!, input, environment);
                if (result is null)
                {
                    return null;
                }

                if (result is double d)
                {
                    return -d;
                }

                throw new JsonataException("D1002", $"Cannot negate a non-numeric value: {Values.Describe(result)}", expr.Position, "-", result);
            }

            case "[":
            {
                var result = new Sequence();
                foreach (var item in expr.Expressions!)
                {
                    if (item.Type == NodeType.Binary && item.Text == "..")
                    {
                        // A range is written straight into the array: [1..10000000] need not be built twice.
                        Operators.AppendRange(result, Evaluate(item.Lhs!, input, environment), Evaluate(item.Rhs!, input, environment));
                        continue;
                    }

                    var value = Evaluate(item, input, environment);
                    if (value is null)
                    {
                        continue;
                    }

                    if (item.Type == NodeType.Unary && item.Text == "[")
                    {
                        result.Add(value);
                    }
                    else if (value is Sequence array)
                    {
                        result.AddRange(array);
                    }
                    else
                    {
                        result.Add(value);
                    }
                }

                if (expr.ConsArray)
                {
                    result.IsConstructed = true;
                }

                return result;
            }

            default:
                return EvaluateGroup(new GroupSpec(expr.Pairs!, expr.Position), input, environment);
        }
    }

    private static Sequence EvaluateWildcard(object? input)
    {
        var results = Sequence.Create();
        if (input is Sequence { OuterWrapper: true, Count: > 0 } wrapped)
        {
            input = wrapped[0];
        }

        // An array is an object to JavaScript: its values are its items.
        IEnumerable<object?>? values = input switch
        {
            JsonataObject obj => obj.Values,
            Sequence array => array,
            _ => null,
        };
        if (values is not null)
        {
            foreach (var value in values)
            {
                if (value is Sequence array)
                {
                    Values.Flatten(array, results);
                }
                else
                {
                    results.Add(value);
                }
            }
        }

        return results;
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = Sequence.Create();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, Sequence results)
    {
        var stack = new Stack<object?>();
        stack.Push(input);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is Sequence array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    stack.Push(array[i]);
                }

                continue;
            }

            results.Add(current);
            if (current is JsonataObject obj)
            {
                for (var i = obj.Count - 1; i >= 0; i--)
                {
                    stack.Push(obj.GetAt(i).Value);
                }
            }
        }
    }

    private JsonataObject EvaluateGroup(GroupSpec group, object? input, Frame environment)
    {
        var result = new JsonataObject();
        var groups = new OrderedDictionary<string, (object? Data, int ExprIndex)>(StringComparer.Ordinal);
        var reduce = input is Sequence { TupleStream: true };
        var items = input as Sequence ?? Sequence.Of(input);
        if (items.Count == 0)
        {
            items = [null];
        }

        foreach (var item in items)
        {
            var env = reduce ? FrameFromTuple(environment, (TupleBinding)item!) : environment;
            for (var pairIndex = 0; pairIndex < group.Pairs.Count; pairIndex++)
            {
                var key = Evaluate(group.Pairs[pairIndex].Key, reduce ? ((TupleBinding)item!).Context : item, env);
                if (key is null)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Values.Describe(key)}", group.Position, value: key);
                }

                if (groups.TryGetValue(name, out var existing))
                {
                    if (existing.ExprIndex != pairIndex)
                    {
                        throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: {name}", group.Position, value: name);
                    }

                    groups[name] = (Values.Append(existing.Data, item), pairIndex);
                }
                else
                {
                    groups[name] = (item, pairIndex);
                }
            }
        }

        foreach (var (key, entry) in groups)
        {
            var context = entry.Data;
            var env = environment;
            if (reduce)
            {
                var tuple = ReduceTupleStream(entry.Data);
                context = tuple.Context;
                tuple.Remove("@");
                env = FrameFromTuple(environment, tuple);
            }

            var value = Evaluate(group.Pairs[entry.ExprIndex].Value, context, env);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static TupleBinding ReduceTupleStream(object? tupleStream)
    {
        if (tupleStream is not Sequence stream)
        {
            return new TupleBinding((TupleBinding)tupleStream!);
        }

        var result = new TupleBinding((TupleBinding)stream[0]!);
        for (var i = 1; i < stream.Count; i++)
        {
            foreach (var (k, v) in (TupleBinding)stream[i]!)
            {
                result[k] = Values.Append(result.TryGetValue(k, out var existing) ? existing : null, v);
            }
        }

        return result;
    }

    private object? EvaluateCondition(Node expr, object? input, Frame environment)
    {
        var condition = Evaluate(expr.Condition!, input, environment);
        if (Values.Boolean(condition) == true)
        {
            return Evaluate(expr.Then!, input, environment);
        }

        return expr.Else is not null ? Evaluate(expr.Else, input, environment) : null;
    }

    private object? EvaluateBlock(Node expr, object? input, Frame environment)
    {
        object? result = null;
        var frame = new Frame(environment);
        foreach (var e in expr.Expressions!)
        {
            result = Evaluate(e, input, frame);
        }

        return result;
    }

    private object? EvaluateBind(Node expr, object? input, Frame environment)
    {
        var value = Evaluate(expr.Rhs!, input, environment);
        environment.Bind(expr.Lhs!.Text, value);
        return value;
    }

    private Sequence EvaluateSort(Node expr, Sequence input, Frame environment)
    {
        var isTupleSort = input.TupleStream;
        int Compare(object? a, object? b)
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < expr.Terms!.Count; index++)
            {
                var term = expr.Terms[index];
                var aa = isTupleSort
                    ? Evaluate(term.Expression, ((TupleBinding)a!).Context, FrameFromTuple(environment, (TupleBinding)a!))
                    : Evaluate(term.Expression, a, environment);
                var bb = isTupleSort
                    ? Evaluate(term.Expression, ((TupleBinding)b!).Context, FrameFromTuple(environment, (TupleBinding)b!))
                    : Evaluate(term.Expression, b, environment);
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                if (aa is not (string or double) || bb is not (string or double))
                {
                    throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", expr.Position, value: aa is not (string or double) ? aa : bb);
                }

                if (aa.GetType() != bb.GetType())
                {
                    throw new JsonataException("T2007", $"Type mismatch within order-by clause. All values must be of the same type", expr.Position, value: aa);
                }

                var c = aa is string sa ? string.CompareOrdinal(sa, (string)bb) : ((double)aa).CompareTo((double)bb);
                if (c == 0)
                {
                    continue;
                }

                comp = c < 0 ? -1 : 1;
                if (term.Descending)
                {
                    comp = -comp;
                }
            }

            return comp;
        }

        var sorted = Values.MergeSort(input, (a, b) => Compare(a, b) > 0);
        sorted.IsSequence = true;
        sorted.TupleStream = input.TupleStream;
        return sorted;
    }
}
