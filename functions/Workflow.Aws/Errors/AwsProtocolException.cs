namespace Workflow.Aws;

/// <summary>The service answered successfully but with a body this client cannot read.</summary>
public sealed class AwsProtocolException : Exception
{
    public AwsProtocolException(string message)
        : base(message)
    {
    }

    public AwsProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
