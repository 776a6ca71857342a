using System.Globalization;
using Workflow.Local.Template;

namespace Workflow.Local.Functions;

/// <summary>The environment variables of a function's process: the template's, then those Lambda itself sets.</summary>
public static class FunctionEnvironment
{
    public static IReadOnlyDictionary<string, string> For(
        FunctionModel function, ApplicationModel model, string artifactsDirectory, Uri hostUrl, Uri dynamoDbEndpoint)
    {
        var host = hostUrl.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>(function.Environment, StringComparer.Ordinal)
        {
            ["AWS_REGION"] = model.Region,
            ["AWS_DEFAULT_REGION"] = model.Region,
            ["AWS_ACCESS_KEY_ID"] = "AKIALOCALRUNTIME0000",
            ["AWS_SECRET_ACCESS_KEY"] = "local-runtime-secret-access-key",
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.FunctionName,
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + (function.Runtime.Length > 0 ? function.Runtime : "dotnet10"),
            ["LAMBDA_TASK_ROOT"] = artifactsDirectory,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDbEndpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_SFN"] = host,
            ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = host,
            ["TZ"] = ":UTC",
            // SAM CLI's marker of a local run; the console shows its development pages when it is set.
            ["AWS_SAM_LOCAL"] = "true",
        };
        return environment;
    }
}
