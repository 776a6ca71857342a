namespace Workflow.Local.AwsProtocol;

/// <summary>
/// The parts of a SigV4 <c>Authorization</c> header worth logging. The local runtime accepts any signature
/// (there are no real credentials to check against) but shows who called, for which region and service.
/// </summary>
public sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, string SignedHeaders)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Parses <c>AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/states/aws4_request, SignedHeaders=..., Signature=...</c>.</summary>
    public static SigV4Authorization? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null;
        var signedHeaders = "";
        foreach (var rawPart in header[Algorithm.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = rawPart.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = rawPart[..equals];
            var value = rawPart[(equals + 1)..];
            if (name == "Credential")
            {
                credential = value;
            }
            else if (name == "SignedHeaders")
            {
                signedHeaders = value;
            }
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request")
        {
            return null;
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders);
    }
}
