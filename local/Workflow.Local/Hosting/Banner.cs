using System.Globalization;
using System.Text;

namespace Workflow.Local.Hosting;

/// <summary>The start-up banner: every URL the developer needs.</summary>
public static class Banner
{
    public static string For(LocalRuntime runtime)
    {
        var model = runtime.Model;
        var url = runtime.BaseUrl.ToString().TrimEnd('/');
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Workflow local runtime: {model.TemplatePath} (stack {model.StackName}, {model.Region})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {model.Functions.Count} functions, {model.StateMachines.Count} state machines, {model.EventBuses.Count} event buses, {model.Rules.Count} rules, {model.Tables.Count} tables");
        if (model.HttpApi?.Routes.Any(r => r.Path == "/console") == true)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Console           {url}/console   (sign in as alice, bob or carol on the development sign-in page)");
        }

        if (model.HttpApi is { } api)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  HTTP API          {url}/");
            foreach (var route in api.Routes)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"                      {route.RouteKey,-28} → {route.FunctionLogicalId}{(route.AuthorizerName is { } a ? $" (JWT {a})" : "")}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  Step Functions    {url}   (aws --endpoint-url {url} stepfunctions list-state-machines)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  EventBridge       {url}   (aws --endpoint-url {url} events put-events ...)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  DynamoDB          {runtime.DynamoDbEndpoint.ToString().TrimEnd('/')}");
        if (model.HttpApi is { Authorizers.Count: > 0 })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Dev tokens        POST {runtime.TokenEndpoint} {{\"sub\":\"alice\",\"groups\":[\"approvers\"]}}");
            text.AppendLine("                    or: dotnet run --project local/Workflow.Local -- token --sub alice --groups approvers");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  Data directory    {runtime.DataDirectory}");
        text.Append(CultureInfo.InvariantCulture,
            $"  Ready in {runtime.StartupTime.TotalSeconds:0.0} s (builds {runtime.BuildTime.TotalSeconds:0.0} s). Ctrl+C stops.");
        return text.ToString();
    }
}
