namespace Workflow.EventBridge;

/// <summary>
/// Validates a pattern and compiles it into match branches (disjunctive normal form): each branch maps a dotted field
/// path to the matchers of that field. "$or" forks the branches; a repeated key overwrites the earlier occurrence.
/// </summary>
internal static class PatternCompiler
{
    private const string Or = "$or";
    private const int MaxBranches = 1024;

    // Operator names, numeric comparison symbols and names AWS keeps for future operators.
    private static readonly HashSet<string> ReservedInsideOr = new(StringComparer.Ordinal)
    {
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after",
        "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range",
    };

    public static IReadOnlyList<IReadOnlyDictionary<string, ValueMatcher[]>> Compile(PatternObject root)
    {
        var branches = new List<Dictionary<string, ValueMatcher[]>>();
        CompileObject(branches, "", root, insideOr: false);
        CheckWildcardComplexity(branches);
        return branches;
    }

    private static void CompileObject(List<Dictionary<string, ValueMatcher[]>> branches, string path, PatternObject node, bool insideOr)
    {
        if (node.Members.Count == 0)
        {
            throw new InvalidEventPatternException("Empty objects are not allowed");
        }
        foreach (var (key, value) in node.Members)
        {
            if (key == Or)
            {
                CompileOr(branches, path, value);
                continue;
            }
            if (insideOr && ReservedInsideOr.Contains(key))
            {
                throw new InvalidEventPatternException($"{key} is Ruler reserved fieldName which cannot be used inside {Or}.");
            }
            var fieldPath = path.Length == 0 ? key : path + "." + key;
            switch (value)
            {
                case PatternObject child:
                    CompileObject(branches, fieldPath, child, insideOr);
                    break;
                case PatternArray array:
                    var matchers = CompileField(array);
                    if (branches.Count == 0)
                    {
                        branches.Add(new Dictionary<string, ValueMatcher[]>(StringComparer.Ordinal));
                    }
                    foreach (var branch in branches)
                    {
                        branch[fieldPath] = matchers;
                    }
                    break;
                default:
                    throw new InvalidEventPatternException($"\"{key}\" must be an object or an array");
            }
        }
    }

    /// <summary>AWS judges complexity per field, over every wildcard operand the rule applies to it.</summary>
    private static void CheckWildcardComplexity(List<Dictionary<string, ValueMatcher[]>> branches)
    {
        var byPath = new Dictionary<string, HashSet<WildcardPattern>>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            foreach (var (path, matchers) in branch)
            {
                foreach (var wildcard in matchers.SelectMany(m => m.Wildcards))
                {
                    if (!byPath.TryGetValue(path, out var set))
                    {
                        set = [];
                        byPath[path] = set;
                    }
                    set.Add(wildcard);
                }
            }
        }
        foreach (var patterns in byPath.Values)
        {
            WildcardComplexity.Check([.. patterns]);
        }
    }

    private static void CompileOr(List<Dictionary<string, ValueMatcher[]>> branches, string path, PatternNode value)
    {
        if (value is not PatternArray alternatives)
        {
            throw new InvalidEventPatternException($"It must be an Array followed with {Or}.");
        }
        var before = branches.Select(b => new Dictionary<string, ValueMatcher[]>(b, StringComparer.Ordinal)).ToList();
        branches.Clear();
        foreach (var alternative in alternatives.Items)
        {
            if (alternative is not PatternObject alternativeObject)
            {
                throw new InvalidEventPatternException($"Only JSON object is allowed in array of {Or} relationship.");
            }
            var forked = before.Count == 0
                ? [new Dictionary<string, ValueMatcher[]>(StringComparer.Ordinal)]
                : before.Select(b => new Dictionary<string, ValueMatcher[]>(b, StringComparer.Ordinal)).ToList();
            CompileObject(forked, path, alternativeObject, insideOr: true);
            branches.AddRange(forked);
            if (branches.Count > MaxBranches)
            {
                throw new InvalidEventPatternException("Event pattern is too complex: too many $or combinations");
            }
        }
        if (alternatives.Items.Count < 2)
        {
            throw new InvalidEventPatternException($"There must have at least 2 Objects in {Or} relationship.");
        }
    }

    private static ValueMatcher[] CompileField(PatternArray array)
    {
        var matchers = new List<ValueMatcher>();
        foreach (var item in array.Items)
        {
            matchers.Add(item switch
            {
                PatternString s => new ExactMatcher(EventValueKind.String, s.Value, 0),
                PatternNumber n => new ExactMatcher(EventValueKind.Number, n.Raw, n.Value),
                PatternBoolean b => new ExactMatcher(b.Value ? EventValueKind.True : EventValueKind.False, b.Value ? "true" : "false", 0),
                PatternNull => new ExactMatcher(EventValueKind.Null, "null", 0),
                PatternObject o => OperatorCompiler.Compile(o),
                _ => throw new InvalidEventPatternException("Match value must be String, number, true, false, or null"),
            });
        }
        if (matchers.Count == 0)
        {
            throw new InvalidEventPatternException("Empty arrays are not allowed");
        }
        return [.. matchers];
    }
}
