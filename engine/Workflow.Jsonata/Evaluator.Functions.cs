namespace Workflow.Jsonata;

/// <summary>Function calls, partial application, chaining (<c>~&gt;</c>), tail calls and the transform operator.</summary>
internal sealed partial class Evaluator
{
    private static readonly Node ChainLambda = Parser.Parse("function($f, $g) { function($x){ $g($f($x)) } }");

    private static string ProcedureName(Node procedure) =>
        procedure.Type == NodeType.Path ? procedure.Steps![0].Text : procedure.Text;

    private object? EvaluateFunction(Node expr, object? input, Frame environment, object? applyTo, bool hasApplyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, environment);
        if (proc is null && expr.Procedure!.Type == NodeType.Path && environment.Lookup(expr.Procedure.Steps![0].Text) is not null)
        {
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${expr.Procedure.Steps[0].Text}?", expr.Position, expr.Procedure.Steps[0].Text);
        }

        var args = new List<object?>(expr.Arguments!.Count + 1);
        if (hasApplyTo)
        {
            args.Add(applyTo);
        }

        foreach (var arg in expr.Arguments)
        {
            args.Add(Evaluate(arg, input, environment));
        }

        try
        {
            return Apply(proc, args, input, environment);
        }
        catch (JsonataException e) when (Annotate(e, expr.Position, ProcedureName(expr.Procedure!)))
        {
            throw;
        }
    }

    /// <summary>Calls a function value, running tail-call thunks in a loop so tail recursion uses no stack.</summary>
    public object? Apply(object? proc, IReadOnlyList<object?> args, object? input, Frame environment)
    {
        var result = ApplyInner(proc, args, input, environment);
        while (result is Lambda { IsThunk: true } thunk)
        {
            var call = thunk.Body;
            var next = Evaluate(call.Procedure!, thunk.Input, thunk.Environment);
            var evaluated = new List<object?>(call.Arguments!.Count);
            foreach (var arg in call.Arguments)
            {
                evaluated.Add(Evaluate(arg, thunk.Input, thunk.Environment));
            }

            try
            {
                result = ApplyInner(next, evaluated, input, environment);
            }
            catch (JsonataException e) when (Annotate(e, call.Position, ProcedureName(call.Procedure!)))
            {
                throw;
            }
        }

        return result;
    }

    private object? ApplyInner(object? proc, IReadOnlyList<object?> args, object? input, Frame environment)
    {
        if (proc is not JsonataFunction function)
        {
            throw new JsonataException("T1006", "Attempted to invoke a non-function");
        }

        var validated = function.Signature is { } signature ? signature.Validate(args, input) : args;
        switch (function)
        {
            case Lambda lambda:
            {
                var env = new Frame(lambda.Environment);
                for (var i = 0; i < lambda.Parameters.Count; i++)
                {
                    env.Bind(lambda.Parameters[i], i < validated.Count ? validated[i] : null);
                }

                return Evaluate(lambda.Body, lambda.Input, env);
            }

            case NativeFunction native:
                return native.Implementation(new CallContext(this, input, environment), validated as object?[] ?? validated.ToArray());
            case PartialNative partial:
            {
                var full = new List<object?>(partial.Arguments.Length);
                var next = 0;
                for (var i = 0; i < partial.Arguments.Length; i++)
                {
                    full.Add(partial.Placeholders[i] ? (next < validated.Count ? validated[next++] : null) : partial.Arguments[i]);
                }

                return ApplyInner(partial.Target, full, input, environment);
            }

            case JsonataRegex regex:
                return validated.Count > 0 && validated[0] is string text
                    ? regex.Exec(text, validated.Count > 1 && validated[1] is double from ? (int)from : 0)
                    : null;
            default:
                throw new JsonataException("T1006", "Attempted to invoke a non-function");
        }
    }

    private object? EvaluatePartialApplication(Node expr, object? input, Frame environment)
    {
        var args = new object?[expr.Arguments!.Count];
        var placeholders = new bool[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = expr.Arguments[i];
            if (arg.IsPlaceholder)
            {
                placeholders[i] = true;
            }
            else
            {
                args[i] = Evaluate(arg, input, environment);
            }
        }

        var proc = Evaluate(expr.Procedure!, input, environment);
        if (proc is null && expr.Procedure!.Type == NodeType.Path && environment.Lookup(expr.Procedure.Steps![0].Text) is not null)
        {
            throw new JsonataException("T1007", $"Attempted to partially apply a non-function. Did you mean ${expr.Procedure.Steps[0].Text}?", expr.Position, expr.Procedure.Steps[0].Text);
        }

        switch (proc)
        {
            case Lambda lambda:
            {
                var env = new Frame(lambda.Environment);
                var unbound = new List<string>();
                for (var i = 0; i < lambda.Parameters.Count; i++)
                {
                    if (i < args.Length && placeholders[i])
                    {
                        unbound.Add(lambda.Parameters[i]);
                    }
                    else
                    {
                        env.Bind(lambda.Parameters[i], i < args.Length ? args[i] : null);
                    }
                }

                return new Lambda(lambda.Body, unbound, null, lambda.Input, env, false);
            }

            case JsonataFunction function:
            {
                // A native's declared parameters beyond the ones supplied stay unbound (undefined), as in JSONata.
                var count = Math.Max(function.Arity, args.Length);
                var full = new object?[count];
                var holes = new bool[count];
                Array.Copy(args, full, args.Length);
                Array.Copy(placeholders, holes, placeholders.Length);
                return new PartialNative(function, full, holes);
            }

            default:
                throw new JsonataException("T1008", "Attempted to partially apply a non-function", expr.Position, ProcedureName(expr.Procedure!));
        }
    }

    private object? EvaluateApply(Node expr, object? input, Frame environment)
    {
        var lhs = Evaluate(expr.Lhs!, input, environment);
        if (expr.Rhs!.Type == NodeType.Function)
        {
            return EvaluateFunction(expr.Rhs, input, environment, lhs, true);
        }

        var func = Evaluate(expr.Rhs, input, environment);
        if (func is not JsonataFunction)
        {
            throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", expr.Position, value: func);
        }

        if (lhs is JsonataFunction)
        {
            var chain = Evaluate(ChainLambda, null, environment);
            return Apply(chain, [lhs, func], null, environment);
        }

        return Apply(func, [lhs], null, environment);
    }

    private NativeFunction EvaluateTransform(Node expr, Frame environment) =>
        new("transform", "<(oa):o>", (ctx, args) =>
        {
            var obj = args[0];
            if (obj is null)
            {
                return null;
            }

            var clone = environment.Lookup("clone");
            if (clone is not JsonataFunction)
            {
                throw new JsonataException("T2013", "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function.", expr.Position);
            }

            var result = Apply(clone, [obj], null, environment);
            var matches = Evaluate(expr.Pattern!, result, environment);
            if (matches is null)
            {
                return result;
            }

            var list = matches as Sequence ?? Sequence.Of(matches);
            foreach (var match in list)
            {
                var update = Evaluate(expr.Update!, match, environment);
                if (update is not null)
                {
                    if (update is not JsonataObject updates)
                    {
                        throw new JsonataException("T2011", $"The insert/update clause of the transform expression must evaluate to an object: {Values.Describe(update)}", expr.Update!.Position, value: update);
                    }

                    if (match is JsonataObject target)
                    {
                        foreach (var (k, v) in updates)
                        {
                            target[k] = v;
                        }
                    }
                }

                if (expr.Delete is not null)
                {
                    var deletions = Evaluate(expr.Delete, match, environment);
                    if (deletions is not null)
                    {
                        var names = deletions as Sequence ?? Sequence.Of(deletions);
                        if (!names.All(n => n is string))
                        {
                            throw new JsonataException("T2012", $"The delete clause of the transform expression must evaluate to a string or array of strings: {Values.Describe(deletions)}", expr.Delete.Position, value: deletions);
                        }

                        if (match is JsonataObject target)
                        {
                            foreach (var name in names.Cast<string>())
                            {
                                target.Remove(name);
                            }
                        }
                    }
                }
            }

            return result;
        });
}
