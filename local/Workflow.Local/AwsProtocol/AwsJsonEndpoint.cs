using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// <c>POST /</c> routed by <c>X-Amz-Target</c> to the registered <see cref="IAwsJsonService"/>s, answering
/// results and errors the way AWS does so SDKs and the AWS CLI work against the local runtime unchanged.
/// </summary>
public sealed partial class AwsJsonEndpoint
{
    /// <summary>Largest request accepted: PutEvents and StartExecution carry at most 256 KiB of data plus envelope.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    private const string DefaultContentType = "application/x-amz-json-1.1";

    private readonly Dictionary<string, IAwsJsonService> services;
    private readonly ILogger<AwsJsonEndpoint> logger;

    public AwsJsonEndpoint(IEnumerable<IAwsJsonService> services, ILogger<AwsJsonEndpoint> logger)
    {
        this.services = services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);
        this.logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var caller = SigV4Authorization.TryParse(context.Request.Headers.Authorization.ToString());
        var contentType = DefaultContentType;
        var status = HttpStatusCode.OK;
        string? errorCode = null;
        try
        {
            var (service, operation) = Resolve(target);
            contentType = service.ContentType;
            var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var response = await service.InvokeAsync(operation, body, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context.Response, HttpStatusCode.OK, contentType, requestId, null, response).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            status = error.StatusCode;
            errorCode = error.ErrorCode;
            await WriteAsync(context.Response, status, contentType, requestId, error.ErrorCode, ErrorBody(error.ErrorType, error.Message))
                .ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            var serialization = AwsServiceException.Serialization(error.Message);
            status = serialization.StatusCode;
            errorCode = serialization.ErrorCode;
            await WriteAsync(context.Response, status, contentType, requestId, serialization.ErrorCode,
                ErrorBody(serialization.ErrorType, serialization.Message)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = (HttpStatusCode)499;
            errorCode = "ClientClosedRequest";
        }
        catch (Exception error)
        {
            LogInternalError(logger, error, target, requestId);
            status = HttpStatusCode.InternalServerError;
            errorCode = "InternalFailure";
            await WriteAsync(context.Response, status, contentType, requestId, "InternalFailure",
                ErrorBody("com.amazon.coral.service#InternalFailure", "The request processing has failed because of an unknown error."))
                .ConfigureAwait(false);
        }
        finally
        {
            LogRequest(logger, target, (int)status, errorCode ?? "", requestId, caller?.AccessKeyId ?? "", caller?.Region ?? "",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private (IAwsJsonService Service, string Operation) Resolve(string target)
    {
        var dot = target.LastIndexOf('.');
        if (dot <= 0 || dot == target.Length - 1 || !services.TryGetValue(target[..dot], out var service))
        {
            throw AwsServiceException.UnknownOperation(target);
        }

        return (service, target[(dot + 1)..]);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            throw TooLarge();
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxRequestBytes)
            {
                throw TooLarge();
            }
        }

        return buffer.WrittenCount == 0 ? "{}"u8.ToArray() : buffer.WrittenMemory;
    }

    private static AwsServiceException TooLarge() =>
        new("com.amazon.coral.service#RequestEntityTooLargeException", "RequestEntityTooLargeException",
            $"Request body exceeds {MaxRequestBytes} bytes", HttpStatusCode.RequestEntityTooLarge);

    private static byte[] ErrorBody(string errorType, string message)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", errorType);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static async Task WriteAsync(HttpResponse response, HttpStatusCode status, string contentType, string requestId, string? errorCode, byte[] body)
    {
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers["x-amzn-RequestId"] = requestId;
        if (errorCode is not null)
        {
            response.Headers["x-amzn-ErrorType"] = errorCode;
        }

        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    // Debug: the host already logs one line per HTTP request (with the X-Amz-Target); this adds the caller's key and region.
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug,
        Message = "aws request {Target} status={Status} error={ErrorCode} requestId={RequestId} accessKeyId={AccessKeyId} region={Region} elapsedMs={ElapsedMs:F1}")]
    private static partial void LogRequest(ILogger logger, string target, int status, string errorCode, string requestId, string accessKeyId, string region, double elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "aws request {Target} failed unexpectedly requestId={RequestId}")]
    private static partial void LogInternalError(ILogger logger, Exception exception, string target, string requestId);
}
