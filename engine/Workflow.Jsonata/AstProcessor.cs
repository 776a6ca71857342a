namespace Workflow.Jsonata;

/// <summary>
/// Rewrites the raw parse tree into the evaluated form: dotted expressions become paths of steps, predicates
/// become stages, focus (<c>@</c>), index (<c>#</c>) and parent (<c>%</c>) operators turn their path into a tuple
/// stream, and calls in tail position of a lambda become thunks (so tail recursion runs in constant stack).
/// </summary>
internal sealed class AstProcessor
{
    private readonly List<Node> _ancestry = [];
    private int _ancestorLabel;

    public static Node Process(Node raw) => new AstProcessor().ProcessNode(raw);

    private Node ProcessNode(Node expr)
    {
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Sort:
                result = ProcessSort(expr);
                break;
            case NodeType.Unary:
                result = new Node(NodeType.Unary, expr.Position) { Text = expr.Text };
                if (expr.Text == "[")
                {
                    result.Expressions = expr.Expressions!.Select(item =>
                    {
                        var value = ProcessNode(item);
                        PushAncestry(result, value);
                        return value;
                    }).ToList();
                }
                else if (expr.Text == "{")
                {
                    result.Pairs = expr.Pairs!.Select(pair =>
                    {
                        var key = ProcessNode(pair.Key);
                        PushAncestry(result, key);
                        var value = ProcessNode(pair.Value);
                        PushAncestry(result, value);
                        return (key, value);
                    }).ToList();
                }
                else
                {
                    result.Expression = ProcessNode(expr.Expression!);
                    if (expr.Text == "-" && result.Expression.Type == NodeType.Number)
                    {
                        result = result.Expression;
                        result.Literal = -(double)result.Literal!;
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case NodeType.Function:
            case NodeType.Partial:
                result = new Node(expr.Type, expr.Position) { Text = expr.Text };
                result.Arguments = expr.Arguments!.Select(arg =>
                {
                    var processed = ProcessNode(arg);
                    PushAncestry(result, processed);
                    return processed;
                }).ToList();
                result.Procedure = ProcessNode(expr.Procedure!);
                break;
            case NodeType.Lambda:
                result = new Node(NodeType.Lambda, expr.Position)
                {
                    Arguments = expr.Arguments,
                    Signature = expr.Signature,
                };
                result.Body = TailCallOptimize(ProcessNode(expr.Body!));
                break;
            case NodeType.Condition:
                result = new Node(NodeType.Condition, expr.Position);
                result.Condition = ProcessNode(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = ProcessNode(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = ProcessNode(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case NodeType.Transform:
                result = new Node(NodeType.Transform, expr.Position)
                {
                    Pattern = ProcessNode(expr.Pattern!),
                    Update = ProcessNode(expr.Update!),
                };
                if (expr.Delete is not null)
                {
                    result.Delete = ProcessNode(expr.Delete);
                }

                break;
            case NodeType.Block:
                result = new Node(NodeType.Block, expr.Position);
                result.Expressions = expr.Expressions!.Select(item =>
                {
                    var part = ProcessNode(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == NodeType.Path && part.Steps![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    return part;
                }).ToList();
                break;
            case NodeType.Name:
                result = new Node(NodeType.Path, expr.Position) { Steps = [expr] };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case NodeType.Parent:
                result = new Node(NodeType.Parent, expr.Position)
                {
                    Slot = new AncestorSlot { Label = "!" + _ancestorLabel++, Level = 1, Index = _ancestry.Count },
                };
                _ancestry.Add(result);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
            case NodeType.Wildcard:
            case NodeType.Descendant:
            case NodeType.Variable:
            case NodeType.Regex:
                result = expr;
                break;
            case NodeType.Operator:
                if (expr.Text is "and" or "or" or "in")
                {
                    expr.Type = NodeType.Name;
                    result = ProcessNode(expr);
                }
                else if (expr.Text == "?")
                {
                    result = expr;
                }
                else
                {
                    throw new JsonataException("S0201", $"Syntax error: \"{expr.Text}\"", expr.Position, expr.Text);
                }

                break;
            case NodeType.End:
                throw new JsonataException("S0207", "Unexpected end of expression", expr.Position, expr.Text);
            default:
                throw new JsonataException("S0206", $"Unknown expression type: \"{expr.Text}\"", expr.Position, expr.Text);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        Node result;
        switch (expr.Text)
        {
            case ".":
            {
                var lstep = ProcessNode(expr.Lhs!);
                result = lstep.Type == NodeType.Path ? lstep : new Node(NodeType.Path, lstep.Position) { Steps = [lstep] };
                if (lstep.Type == NodeType.Parent)
                {
                    result.SeekingParent = [lstep.Slot!];
                }

                var rest = ProcessNode(expr.Rhs!);
                if (rest.Type == NodeType.Path)
                {
                    result.Steps!.AddRange(rest.Steps!);
                }
                else
                {
                    if (rest.Predicate is not null)
                    {
                        rest.Stages = rest.Predicate;
                        rest.Predicate = null;
                    }

                    result.Steps!.Add(rest);
                }

                foreach (var step in result.Steps!)
                {
                    if (step.Type is NodeType.Number or NodeType.Value)
                    {
                        throw new JsonataException("S0213", $"The literal value {step.Text} cannot be used as a step within a path expression", step.Position, step.Text, step.Literal);
                    }

                    if (step.Type == NodeType.String)
                    {
                        step.Type = NodeType.Name;
                        step.Text = (string)step.Literal!;
                    }
                }

                if (result.Steps.Any(s => s.KeepArray))
                {
                    result.KeepSingletonArray = true;
                }

                var first = result.Steps[0];
                if (first.Type == NodeType.Unary && first.Text == "[")
                {
                    first.ConsArray = true;
                }

                var last = result.Steps[^1];
                if (last.Type == NodeType.Unary && last.Text == "[")
                {
                    last.ConsArray = true;
                }

                ResolveAncestry(result);
                break;
            }

            case "[":
            {
                result = ProcessNode(expr.Lhs!);
                var step = result;
                var isStages = false;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                    isStages = true;
                }

                if (step.Group is not null)
                {
                    throw new JsonataException("S0209", "A predicate cannot follow a grouping expression in a step", expr.Position);
                }

                var predicate = ProcessNode(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                        {
                            SeekParent(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }

                    PushAncestry(step, predicate);
                }

                var stage = new Stage(false, predicate, null, expr.Position);
                if (isStages)
                {
                    (step.Stages ??= []).Add(stage);
                }
                else
                {
                    (step.Predicate ??= []).Add(stage);
                }

                break;
            }

            case "{":
                result = ProcessNode(expr.Lhs!);
                if (result.Group is not null)
                {
                    throw new JsonataException("S0210", "Each step can only have one grouping expression", expr.Position);
                }

                result.Group = new GroupSpec(expr.Pairs!.Select(p => (ProcessNode(p.Key), ProcessNode(p.Value))).ToList(), expr.Position);
                break;
            case ":=":
                result = new Node(NodeType.Bind, expr.Position) { Text = ":=" };
                result.Lhs = ProcessNode(expr.Lhs!);
                result.Rhs = ProcessNode(expr.Rhs!);
                PushAncestry(result, result.Rhs);
                break;
            case "@":
            {
                result = ProcessNode(expr.Lhs!);
                var step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                }

                if (step.Stages is not null || step.Predicate is not null)
                {
                    throw new JsonataException("S0215", "A context variable binding must precede any predicates on a step", expr.Position);
                }

                if (step.Type == NodeType.Sort)
                {
                    throw new JsonataException("S0216", "A context variable binding must precede the 'order-by' clause on a step", expr.Position);
                }

                if (expr.KeepArray)
                {
                    step.KeepArray = true;
                }

                step.Focus = expr.Rhs!.Text;
                step.Tuple = true;
                break;
            }

            case "#":
            {
                result = ProcessNode(expr.Lhs!);
                var step = result;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                }
                else
                {
                    result = new Node(NodeType.Path, result.Position) { Steps = [result] };
                    if (step.Predicate is not null)
                    {
                        step.Stages = step.Predicate;
                        step.Predicate = null;
                    }
                }

                if (step.Stages is null)
                {
                    step.Index = expr.Rhs!.Text;
                }
                else
                {
                    step.Stages.Add(new Stage(true, null, expr.Rhs!.Text, expr.Position));
                }

                step.Tuple = true;
                break;
            }

            case "~>":
                result = new Node(NodeType.Apply, expr.Position) { Text = "~>" };
                result.Lhs = ProcessNode(expr.Lhs!);
                result.Rhs = ProcessNode(expr.Rhs!);
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                break;
            default:
                result = new Node(NodeType.Binary, expr.Position) { Text = expr.Text };
                result.Lhs = ProcessNode(expr.Lhs!);
                result.Rhs = ProcessNode(expr.Rhs!);
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
        }

        return result;
    }

    private Node ProcessSort(Node expr)
    {
        var result = ProcessNode(expr.Lhs!);
        if (result.Type != NodeType.Path)
        {
            result = new Node(NodeType.Path, result.Position) { Steps = [result] };
        }

        var sortStep = new Node(NodeType.Sort, expr.Position);
        sortStep.Terms = expr.Terms!.Select(term =>
        {
            var expression = ProcessNode(term.Expression);
            PushAncestry(sortStep, expression);
            return new SortTerm(term.Descending, expression);
        }).ToList();
        result.Steps!.Add(sortStep);
        ResolveAncestry(result);
        return result;
    }

    private static Node TailCallOptimize(Node expr)
    {
        if (expr.Type == NodeType.Function && expr.Predicate is null)
        {
            return new Node(NodeType.Lambda, expr.Position) { Thunk = true, Arguments = [], Body = expr };
        }

        if (expr.Type == NodeType.Condition)
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Type == NodeType.Block && expr.Expressions!.Count > 0)
        {
            expr.Expressions[^1] = TailCallOptimize(expr.Expressions[^1]);
        }

        return expr;
    }

    private AncestorSlot SeekParent(Node node, AncestorSlot slot)
    {
        switch (node.Type)
        {
            case NodeType.Name:
            case NodeType.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is not null)
                    {
                        _ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                    }

                    node.Ancestor = slot;
                    node.Tuple = true;
                }

                break;
            case NodeType.Parent:
                slot.Level++;
                break;
            case NodeType.Block:
                if (node.Expressions!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Expressions[^1], slot);
                }

                break;
            case NodeType.Path:
            {
                node.Tuple = true;
                var index = node.Steps!.Count - 1;
                slot = SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.Steps[index--], slot);
                }

                break;
            }

            default:
                throw new JsonataException("S0217", $"The object representing the 'parent' cannot be derived from this expression", node.Position, node.Type.ToString().ToLowerInvariant());
        }

        return slot;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is null && value.Type != NodeType.Parent)
        {
            return;
        }

        var slots = value.SeekingParent ?? [];
        if (value.Type == NodeType.Parent)
        {
            slots.Add(value.Slot!);
        }

        if (result.SeekingParent is null)
        {
            result.SeekingParent = slots;
        }
        else
        {
            result.SeekingParent.AddRange(slots);
        }
    }

    private void ResolveAncestry(Node path)
    {
        var steps = path.Steps!;
        var last = steps[^1];
        var slots = last.SeekingParent ?? [];
        if (last.Type == NodeType.Parent)
        {
            slots.Add(last.Slot!);
        }

        foreach (var original in slots.ToList())
        {
            var slot = original;
            var index = steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = steps[index--];
                while (index >= 0 && step.Focus is not null && steps[index].Focus is not null)
                {
                    step = steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }
}
