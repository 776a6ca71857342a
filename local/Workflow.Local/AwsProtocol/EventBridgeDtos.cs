using System.Text.Json.Serialization;

namespace Workflow.Local.AwsProtocol;

// Request and response members of the EventBridge API (2015-10-07), named as on the wire (PascalCase).

public sealed record PutEventsRequestEntryDto(
    string? Source,
    string? DetailType,
    string? Detail,
    string? EventBusName,
    IReadOnlyList<string>? Resources,
    [property: JsonConverter(typeof(NullableEpochSecondsConverter))] DateTimeOffset? Time,
    string? TraceHeader);

public sealed record PutEventsRequestDto(IReadOnlyList<PutEventsRequestEntryDto>? Entries, string? EndpointId);

public sealed record PutEventsResultEntryDto(string? EventId, string? ErrorCode, string? ErrorMessage);

public sealed record PutEventsResponseDto(int FailedEntryCount, IReadOnlyList<PutEventsResultEntryDto> Entries);

public sealed record ListRulesRequestDto(string? NamePrefix, string? EventBusName, string? NextToken, int? Limit);

public sealed record RuleDto(
    string Name,
    string Arn,
    string? EventPattern,
    string State,
    string? Description,
    string? ScheduleExpression,
    string EventBusName);

public sealed record ListRulesResponseDto(IReadOnlyList<RuleDto> Rules, string? NextToken);

public sealed record DescribeRuleRequestDto(string? Name, string? EventBusName);

public sealed record DescribeRuleResponseDto(
    string Name,
    string Arn,
    string? EventPattern,
    string? ScheduleExpression,
    string State,
    string? Description,
    string EventBusName,
    string CreatedBy);

public sealed record TestEventPatternRequestDto(string? EventPattern, string? Event);

public sealed record TestEventPatternResponseDto(bool Result);

public sealed record DescribeEventBusRequestDto(string? Name);

public sealed record EventBusDto(string Name, string Arn);

public sealed record ListEventBusesRequestDto(string? NamePrefix, string? NextToken, int? Limit);

public sealed record ListEventBusesResponseDto(IReadOnlyList<EventBusDto> EventBuses, string? NextToken);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsRequestDto))]
[JsonSerializable(typeof(PutEventsResponseDto))]
[JsonSerializable(typeof(ListRulesRequestDto))]
[JsonSerializable(typeof(ListRulesResponseDto))]
[JsonSerializable(typeof(DescribeRuleRequestDto))]
[JsonSerializable(typeof(DescribeRuleResponseDto))]
[JsonSerializable(typeof(TestEventPatternRequestDto))]
[JsonSerializable(typeof(TestEventPatternResponseDto))]
[JsonSerializable(typeof(DescribeEventBusRequestDto))]
[JsonSerializable(typeof(EventBusDto))]
[JsonSerializable(typeof(ListEventBusesRequestDto))]
[JsonSerializable(typeof(ListEventBusesResponseDto))]
public sealed partial class EventBridgeJsonContext : JsonSerializerContext;
