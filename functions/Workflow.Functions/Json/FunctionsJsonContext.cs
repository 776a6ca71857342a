using System.Text.Json.Serialization;
using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Steps;

namespace Workflow.Functions.Json;

/// <summary>All (de)serialisation of the functions, source-generated. Web names: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(StepPayload))]
[JsonSerializable(typeof(MergePayload))]
[JsonSerializable(typeof(ApprovalRequestPayload))]
[JsonSerializable(typeof(FinalizePayload))]
[JsonSerializable(typeof(FinalizeResult))]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(PriceQuote))]
[JsonSerializable(typeof(BudgetCheckResult))]
[JsonSerializable(typeof(PolicyResult))]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(RepublishResult))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
