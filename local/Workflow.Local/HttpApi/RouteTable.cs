using Workflow.Local.Template;

namespace Workflow.Local.HttpApi;

/// <summary>
/// API Gateway HTTP API route selection: the most specific match wins: a full match, then a match with path variables
/// (more literal segments first), then a greedy <c>{proxy+}</c> match (longer prefix first); a route with the request's
/// method beats <c>ANY</c> on the same path; <c>$default</c> catches the rest.
/// </summary>
public sealed class RouteTable
{
    private readonly List<CompiledRoute> _routes;
    private readonly HttpRouteModel? _default;

    public RouteTable(IEnumerable<HttpRouteModel> routes)
    {
        var all = routes.ToList();
        _default = all.FirstOrDefault(r => r.Path == "$default");
        _routes = all.Where(r => r.Path != "$default").Select(CompiledRoute.Compile)
            .OrderBy(r => r.Rank)
            .ThenByDescending(r => r.LiteralCount)
            .ThenByDescending(r => r.Segments.Length)
            .ThenBy(r => r.Route.Method == "ANY" ? 1 : 0)
            .ToList();
    }

    public RouteMatch? Match(string method, string path)
    {
        var segments = Split(path);
        foreach (var route in _routes)
        {
            if (route.Route.Method != "ANY" && !string.Equals(route.Route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (route.TryMatch(segments) is { } parameters)
            {
                return new RouteMatch(route.Route, parameters);
            }
        }

        return _default is null ? null : new RouteMatch(_default, new Dictionary<string, string>());
    }

    private static string[] Split(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    private sealed record CompiledRoute(HttpRouteModel Route, Segment[] Segments, int Rank, int LiteralCount)
    {
        public static CompiledRoute Compile(HttpRouteModel route)
        {
            var segments = route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Segment.Parse).ToArray();
            var rank = segments.Any(s => s.Greedy) ? 2 : segments.Any(s => s.Variable is not null) ? 1 : 0;
            return new CompiledRoute(route, segments, rank, segments.Count(s => s.Variable is null));
        }

        public Dictionary<string, string>? TryMatch(string[] path)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Segments.Length; i++)
            {
                var segment = Segments[i];
                if (segment.Greedy)
                {
                    // {proxy+} needs at least one segment and takes all the rest.
                    if (i >= path.Length)
                    {
                        return null;
                    }

                    parameters[segment.Variable!] = string.Join('/', path[i..]);
                    return parameters;
                }

                if (i >= path.Length)
                {
                    return null;
                }

                if (segment.Variable is { } name)
                {
                    parameters[name] = path[i];
                }
                else if (!string.Equals(segment.Literal, path[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return path.Length == Segments.Length ? parameters : null;
        }
    }

    private sealed record Segment(string? Literal, string? Variable, bool Greedy)
    {
        public static Segment Parse(string text)
        {
            if (text.StartsWith('{') && text.EndsWith('}'))
            {
                var name = text[1..^1];
                return name.EndsWith('+') ? new Segment(null, name[..^1], true) : new Segment(null, name, false);
            }

            return new Segment(text, null, false);
        }
    }
}
