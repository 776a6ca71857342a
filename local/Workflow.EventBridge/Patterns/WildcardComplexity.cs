namespace Workflow.EventBridge;

/// <summary>
/// AWS refuses wildcard rules whose matching machine gets too complex. The measure used here is the largest number of
/// partial matches that can be alive at once while scanning any value against all wildcard operands of one field: a
/// subset construction over the combined automaton. Calibrated so that five wildcards in one operand are accepted and six
/// are not, and four "*.ext" operands on one field are refused while two or three are accepted, as AWS does.
/// </summary>
internal static class WildcardComplexity
{
    private const int MaxLiveStates = 10;
    private const int MaxExploredSubsets = 20_000;
    private const char OtherCharacter = '\uFFFF';

    public static void Check(IReadOnlyList<WildcardPattern> patterns)
    {
        if (patterns.Count == 0 || patterns.All(p => p.Segments.Count == 1))
        {
            return;
        }
        if (MaxLive(patterns) > MaxLiveStates)
        {
            throw new InvalidEventPatternException(
                "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character");
        }
    }

    private static int MaxLive(IReadOnlyList<WildcardPattern> patterns)
    {
        // Each pattern becomes a token list: a character, or '\0' standing for a star.
        var tokens = patterns.Select(Tokens).ToList();
        var offsets = new int[tokens.Count];
        var total = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            offsets[i] = total;
            total += tokens[i].Length + 1;
        }
        var alphabet = tokens.SelectMany(t => t).Where(c => c != '\0').Distinct().Append(OtherCharacter).ToList();

        var start = Close(Enumerable.Range(0, tokens.Count).Select(i => (i, 0)), tokens);
        var seen = new HashSet<string> { Key(start, offsets) };
        var queue = new Queue<HashSet<(int Pattern, int Position)>>([start]);
        var best = 0;
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            best = Math.Max(best, current.Count(s => s.Position < tokens[s.Pattern].Length));
            foreach (var c in alphabet)
            {
                var next = new List<(int, int)>();
                foreach (var (pattern, position) in current)
                {
                    var t = tokens[pattern];
                    if (position >= t.Length)
                    {
                        continue;
                    }
                    if (t[position] == '\0')
                    {
                        next.Add((pattern, position));
                    }
                    else if (t[position] == c)
                    {
                        next.Add((pattern, position + 1));
                    }
                }
                if (next.Count == 0)
                {
                    continue;
                }
                var closed = Close(next, tokens);
                if (seen.Add(Key(closed, offsets)))
                {
                    if (seen.Count > MaxExploredSubsets)
                    {
                        return int.MaxValue;
                    }
                    queue.Enqueue(closed);
                }
            }
        }
        return best;
    }

    private static char[] Tokens(WildcardPattern pattern)
    {
        var tokens = new List<char>();
        for (var i = 0; i < pattern.Segments.Count; i++)
        {
            if (i > 0)
            {
                tokens.Add('\0');
            }
            tokens.AddRange(pattern.Segments[i].Select(c => c == '\0' ? OtherCharacter : c));
        }
        return [.. tokens];
    }

    /// <summary>A star can match nothing, so a state at a star also stands at the token after it.</summary>
    private static HashSet<(int Pattern, int Position)> Close(IEnumerable<(int Pattern, int Position)> states, List<char[]> tokens)
    {
        var result = new HashSet<(int, int)>();
        var stack = new Stack<(int Pattern, int Position)>(states);
        while (stack.Count > 0)
        {
            var state = stack.Pop();
            if (!result.Add(state))
            {
                continue;
            }
            var t = tokens[state.Pattern];
            if (state.Position < t.Length && t[state.Position] == '\0')
            {
                stack.Push((state.Pattern, state.Position + 1));
            }
        }
        return result;
    }

    private static string Key(HashSet<(int Pattern, int Position)> states, int[] offsets) =>
        string.Join(',', states.Select(s => offsets[s.Pattern] + s.Position).Order());
}
