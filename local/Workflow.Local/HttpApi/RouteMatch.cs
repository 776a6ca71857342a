using Workflow.Local.Template;

namespace Workflow.Local.HttpApi;

/// <summary>The route a request matched and the values of its path variables (decoded).</summary>
public sealed record RouteMatch(HttpRouteModel Route, IReadOnlyDictionary<string, string> PathParameters);
