using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// Signs outgoing AWS JSON-protocol requests with Signature Version 4. Local endpoints do not verify signatures but
/// some (DynamoDB Local) insist on a well-formed one, so requests carry a real signature made with fake credentials.
/// </summary>
public sealed class SigV4Signer(string accessKeyId, string secretAccessKey, string region, string service)
{
    public void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var uri = request.RequestUri ?? throw new ArgumentException("Request has no URI.", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dateStamp = amzDate[..8];
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var target = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? string.Join(",", targets) : "";
        var contentType = request.Content?.Headers.ContentType?.ToString() ?? "";

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var canonicalHeaders = $"content-type:{contentType}\nhost:{host}\nx-amz-date:{amzDate}\nx-amz-target:{target}\n";
        const string signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        var canonicalRequest = $"POST\n{path}\n\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{dateStamp}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), dateStamp);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
