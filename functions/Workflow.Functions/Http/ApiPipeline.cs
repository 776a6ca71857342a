using System.Diagnostics;
using System.Text.Json;
using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;
using Workflow.Functions.Storage;

namespace Workflow.Functions.Http;

/// <summary>
/// The common path of every API handler: read the event, authenticate, run the handler, turn known failures into
/// problem responses (client mistakes are 4xx, dependency outages 503), and write one log line per request.
/// </summary>
public static class ApiPipeline
{
    public static async Task<Stream> RunAsync(Stream input, string function, FunctionDependencies dependencies, Func<ApiCall, Task<HttpApiResponse>> handle)
    {
        var started = Stopwatch.GetTimestamp();
        HttpApiRequest? request = null;
        ApiCall? call = null;
        HttpApiResponse response;
        Exception? failure = null;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, FunctionsJsonContext.Default.HttpApiRequest)
                ?? throw new ApiProblemException("The request event is empty.");
            var caller = Claims.CallerFrom(request, dependencies.Settings.GroupsClaim);
            if (caller is null)
            {
                response = Responses.Problem(401, "Unauthenticated", "The request carries no authenticated subject (sub claim).");
            }
            else
            {
                call = new ApiCall(request, caller, dependencies);
                response = await handle(call);
            }
        }
        catch (ApiProblemException ex)
        {
            response = Responses.Problem(ex.Problem with { Instance = request?.RawPath });
        }
        catch (JsonException ex) when (request is null)
        {
            failure = ex;
            response = Responses.Problem(400, "Bad request", "The request event is not an HTTP API payload.");
        }
        catch (InvalidPageTokenException)
        {
            response = Responses.Problem(ProblemDetails.Create(400, "Bad request", "nextToken: not a token from this listing",
                [new FieldError("nextToken", "not a token from this listing")]) with { Instance = request?.RawPath });
        }
        catch (TransientDependencyException ex)
        {
            failure = ex;
            response = Responses.Problem(503, "Service unavailable", "A dependency is temporarily unavailable; retry later.");
        }
        catch (Exception ex)
        {
            failure = ex;
            response = Responses.Problem(500, "Internal error", $"The request failed unexpectedly (request {request?.RequestContext?.RequestId}).");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        dependencies.Log.Write(
            failure is null ? (response.StatusCode >= 500 ? "ERROR" : "INFO") : "ERROR",
            function,
            failure is null ? "request handled" : $"request failed: {failure.GetType().Name}: {failure.Message}",
            new Dictionary<string, object?>
            {
                ["requestId"] = request?.RequestContext?.RequestId,
                ["jobId"] = call?.JobId,
                ["clientId"] = call?.Caller.Id,
                ["method"] = request?.RequestContext?.Http?.Method,
                ["path"] = request?.RawPath,
                ["status"] = response.StatusCode,
                ["durationMs"] = Math.Round(elapsed.TotalMilliseconds, 1),
            });

        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, response, FunctionsJsonContext.Default.HttpApiResponse);
        output.Position = 0;
        return output;
    }
}
