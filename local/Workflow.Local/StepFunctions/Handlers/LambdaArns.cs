namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>Lambda function names and ARNs as Lambda spells them in errors.</summary>
public static class LambdaArns
{
    /// <summary><c>arn:aws:lambda:us-east-1:123456789012:function:name:$LATEST</c> for a name, a partial or a full ARN.</summary>
    public static string QualifiedArn(string functionNameOrArn, string partition, string region, string accountId)
    {
        ArgumentNullException.ThrowIfNull(functionNameOrArn);
        if (functionNameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = functionNameOrArn.Split(':');
            return parts.Length >= 8 ? functionNameOrArn : functionNameOrArn + ":$LATEST";
        }

        var nameParts = functionNameOrArn.Split(':');
        var name = nameParts[0];
        var qualifier = nameParts.Length > 1 ? nameParts[1] : "$LATEST";
        return $"arn:{partition}:lambda:{region}:{accountId}:function:{name}:{qualifier}";
    }
}
