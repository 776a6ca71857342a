using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime.Signing;

namespace Workflow.Aws;

/// <summary>
/// Calls one AWS service over the AWS JSON 1.0/1.1 protocol: POST / with <c>X-Amz-Target: Prefix.Operation</c>, signed
/// with SigV4 by AWSSDK.Core, errors mapped to <see cref="AwsServiceException"/> types, throttling and server errors
/// retried with back-off.
/// </summary>
public sealed class AwsJsonClient
{
    private readonly HttpClient _http;
    private readonly AwsClientOptions _options;
    private readonly RegionEndpoint _regionEndpoint;

    public AwsJsonClient(AwsServiceDescriptor service, AwsClientOptions? options = null)
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        _options = options ?? new AwsClientOptions();
        _http = _options.HttpClient ?? SharedHttpClient.Instance;
        Region = _options.Region ?? _options.Environment.RequireRegion();
        _regionEndpoint = RegionEndpoint.GetBySystemName(Region);
        Endpoint = _options.Endpoint ?? _options.Environment.ResolveEndpoint(service, Region);
    }

    public AwsServiceDescriptor Service { get; }

    public Uri Endpoint { get; }

    public string Region { get; }

    /// <summary>Calls <paramref name="operation"/> with a typed request and response.</summary>
    /// <exception cref="AwsServiceException">The service answered with an error (after retries, if retryable).</exception>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var answer = await SendAsync(operation, body, ct).ConfigureAwait(false);
        if (answer.Length == 0)
        {
            answer = "{}"u8.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize(answer, responseType)
                ?? throw new AwsProtocolException($"{Service.Target(operation)} answered with JSON null.");
        }
        catch (JsonException exception)
        {
            throw new AwsProtocolException($"{Service.Target(operation)} answered with JSON that does not match the expected shape: {exception.Message}", exception);
        }
    }

    /// <summary>Calls <paramref name="operation"/> with a raw JSON body and returns the raw JSON answer.</summary>
    public async Task<string> InvokeJsonAsync(string operation, string requestJson, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        var answer = await SendAsync(operation, System.Text.Encoding.UTF8.GetBytes(requestJson), ct).ConfigureAwait(false);
        return answer.Length == 0 ? "{}" : System.Text.Encoding.UTF8.GetString(answer);
    }

    private async Task<byte[]> SendAsync(string operation, byte[] body, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, body, ct).ConfigureAwait(false);
            }
            catch (AwsServiceException exception) when (exception.IsRetryable && attempt < retry.MaxAttempts)
            {
                await Task.Delay(retry.DelayBeforeRetry(attempt), _options.TimeProvider, ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException
                && attempt < retry.MaxAttempts && !ct.IsCancellationRequested)
            {
                // A timed-out attempt is retried like a broken connection: AWS operations here are idempotent or
                // conditional, and the next attempt may reach a healthy host.
                // Connection refused or reset: the endpoint may be restarting (the local runtime) or a host failed over.
                await Task.Delay(retry.DelayBeforeRetry(attempt), _options.TimeProvider, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<byte[]> SendOnceAsync(string operation, byte[] body, CancellationToken ct)
    {
        if (_options.AttemptTimeout is not { } timeout)
        {
            return await SendOnceAsync(operation, body, ct, ct).ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return await SendOnceAsync(operation, body, attempt.Token, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{Service.Target(operation)} did not answer within {timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private async Task<byte[]> SendOnceAsync(string operation, byte[] body, CancellationToken attemptToken, CancellationToken ct)
    {
        using var request = await CreateSignedRequestAsync(operation, body, ct).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(attemptToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return answer;
        }

        throw AwsErrorMapper.Map(
            response.StatusCode,
            Header(response, "x-amzn-ErrorType"),
            System.Text.Encoding.UTF8.GetString(answer),
            Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id"));
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(string operation, byte[] body, CancellationToken ct)
    {
        var target = Service.Target(operation);
        var signing = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = Endpoint,
            Content = body,
        };
        signing.Headers["Content-Type"] = Service.ContentType;
        signing.Headers["X-Amz-Target"] = target;

        var parameters = new AWSSigV4Parameters
        {
            Credentials = _options.Credentials ?? await DefaultCredentials.GetAsync(ct).ConfigureAwait(false),
            Region = _regionEndpoint,
            Service = Service.SigningName,
            SignPayload = true,
            SignedAt = _options.TimeProvider.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, ct).ConfigureAwait(false);

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body),
        };

        // Set exactly what was signed: the default StringContent type would add "; charset=utf-8" and break the signature.
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Service.ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
