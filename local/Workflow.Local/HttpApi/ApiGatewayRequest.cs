namespace Workflow.Local.HttpApi;

/// <summary>The parts of an HTTP request API Gateway puts into a payload format 2.0 event.</summary>
public sealed record ApiGatewayRequest(
    string Method,
    string RawPath,
    string RawQueryString,
    string Protocol,
    string SourceIp,
    string Host,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
