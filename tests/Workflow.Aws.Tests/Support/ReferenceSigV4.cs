using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Aws.Tests.Support;

/// <summary>
/// An independent SigV4 implementation written from the public AWS specification (canonical request → string to sign →
/// derived key → HMAC), used to check the signatures that AWSSDK.Core produced for the client.
/// </summary>
internal static class ReferenceSigV4
{
    public static string Signature(
        string method,
        string canonicalUri,
        IReadOnlyDictionary<string, string> headers,
        IEnumerable<string> signedHeaders,
        byte[] body,
        DateTime signedAt,
        string region,
        string service,
        string secretKey,
        string canonicalQuery = "")
    {
        var names = signedHeaders.Select(name => name.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var lookup = headers.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value);
        var canonicalHeaders = string.Concat(names.Select(name => name + ":" + CollapseSpaces(lookup[name]) + "\n"));
        var canonicalRequest = string.Join(
            "\n",
            method,
            canonicalUri,
            canonicalQuery,
            canonicalHeaders,
            string.Join(";", names),
            Hex(SHA256.HashData(body)));

        var date = signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join(
            "\n",
            "AWS4-HMAC-SHA256",
            signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>Splits <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> into its parts.</summary>
    public static (string Credential, string[] SignedHeaders, string Signature) ParseAuthorization(string authorization)
    {
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new FormatException("Not a SigV4 Authorization header: " + authorization);
        }

        var parts = authorization[prefix.Length..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return (parts["Credential"], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }

    private static string CollapseSpaces(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
