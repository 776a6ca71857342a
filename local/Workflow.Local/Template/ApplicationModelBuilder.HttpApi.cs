using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    private const string ImplicitApiLogicalId = "ServerlessHttpApi";

    private HttpApiModel? BuildHttpApi(IReadOnlyList<FunctionModel> functions)
    {
        var explicitApis = Active("AWS::Serverless::HttpApi").ToList();
        var routes = new List<(string ApiLogicalId, FunctionModel Function, JsonProperties Event, int Line)>();
        foreach (var function in functions)
        {
            var line = context.Resources[function.LogicalId].Line;
            foreach (var e in function.Events.Where(e => e.Type == "HttpApi"))
            {
                var properties = new JsonProperties(JsonNode.Parse(e.PropertiesJson)!.AsObject(), context, line, $"{function.LogicalId}.Events.{e.Name}");
                var apiId = properties.String("ApiId");
                var apiLogicalId = apiId is null ? ImplicitApiLogicalId
                    : explicitApis.FirstOrDefault(api => context.ApiId(api.LogicalId) == apiId || api.LogicalId == apiId)?.LogicalId
                      ?? throw context.Error(line, $"{function.LogicalId}.Events.{e.Name}: ApiId '{apiId}' is not an AWS::Serverless::HttpApi of this template");
                routes.Add((apiLogicalId, function, properties, line));
            }
        }

        var apiLogicalIds = routes.Select(r => r.ApiLogicalId).Distinct().ToList();
        if (apiLogicalIds.Count == 0)
        {
            return null;
        }

        if (apiLogicalIds.Count > 1)
        {
            throw context.Error(routes[0].Line, $"the local runtime serves one HTTP API; this template routes to {string.Join(", ", apiLogicalIds)}");
        }

        var logicalId = apiLogicalIds[0];
        var apiResource = explicitApis.FirstOrDefault(api => api.LogicalId == logicalId);
        var apiProperties = apiResource is not null ? Properties(apiResource)
            : new JsonProperties(
                globals?["HttpApi"] is MappingNode implicitGlobals ? (JsonObject)context.Evaluate(implicitGlobals)! : new JsonObject(),
                context, globals?.Line ?? 0, ImplicitApiLogicalId);
        var auth = apiProperties.Object_("Auth");
        var authorizers = new Dictionary<string, JwtAuthorizerModel>(StringComparer.Ordinal);
        if (auth?.Object_("Authorizers") is { } authorizerMap)
        {
            foreach (var (name, node) in authorizerMap.Object)
            {
                var authorizer = new JsonProperties(node as JsonObject ?? new JsonObject(), context, apiProperties.Line, $"Auth.Authorizers.{name}");
                var jwt = authorizer.Object_("JwtConfiguration")
                    ?? throw context.Error(apiProperties.Line, $"authorizer '{name}': only JWT authorizers (JwtConfiguration) are supported locally");
                authorizers[name] = new JwtAuthorizerModel(
                    name,
                    jwt.RequiredString("issuer"),
                    jwt.Strings("audience"),
                    authorizer.String("IdentitySource") ?? "$request.header.Authorization");
            }
        }

        var defaultAuthorizer = auth?.String("DefaultAuthorizer");
        if (defaultAuthorizer is not null && !authorizers.ContainsKey(defaultAuthorizer))
        {
            throw context.Error(apiProperties.Line, $"DefaultAuthorizer '{defaultAuthorizer}' is not one of the Authorizers");
        }

        var models = new List<HttpRouteModel>();
        foreach (var (_, function, properties, line) in routes)
        {
            var method = properties.String("Method")?.ToUpperInvariant();
            var path = properties.String("Path");
            if (method is "X-AMAZON-APIGATEWAY-ANY-METHOD")
            {
                method = "ANY";
            }

            var routeAuth = properties.Object_("Auth");
            var authorizer = routeAuth?.String("Authorizer") ?? defaultAuthorizer;
            if (authorizer == "NONE")
            {
                authorizer = null;
            }

            if (authorizer is not null && !authorizers.ContainsKey(authorizer))
            {
                throw context.Error(line, $"{function.LogicalId}: authorizer '{authorizer}' is not defined in the HTTP API's Auth.Authorizers");
            }

            models.Add(new HttpRouteModel(
                path is null && method is null ? "ANY" : method ?? "ANY",
                path ?? "$default",
                function.LogicalId,
                function.FunctionName,
                authorizer,
                routeAuth?.Strings("AuthorizationScopes") ?? [],
                properties.String("PayloadFormatVersion") ?? "2.0",
                properties.Int("TimeoutInMillis") ?? 30000));
        }

        var duplicate = models.GroupBy(r => r.RouteKey).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw context.Error(0, $"route '{duplicate.Key}' is defined twice");
        }

        return new HttpApiModel(logicalId, context.ApiId(logicalId), apiProperties.String("StageName") ?? "$default", models, authorizers, defaultAuthorizer);
    }
}
