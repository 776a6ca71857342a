namespace Workflow.DynamoDbServer;

/// <summary>The local DynamoDB server could not be started or stopped; the message says why and what to do.</summary>
public class DynamoDbServerException : Exception
{
    public DynamoDbServerException(string message)
        : base(message)
    {
    }

    public DynamoDbServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The requested port is already taken by another process.</summary>
public sealed class PortInUseException : DynamoDbServerException
{
    public PortInUseException(int port)
        : base($"Port {port} is already in use on 127.0.0.1: stop the process using it or choose another port (0 picks a free one).")
    {
        Port = port;
    }

    public int Port { get; }
}
