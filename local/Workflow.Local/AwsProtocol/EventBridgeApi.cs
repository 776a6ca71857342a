using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflow.EventBridge;
using Workflow.Local.EventBridgeService;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// The EventBridge API (<c>X-Amz-Target: AWSEvents.*</c>, <c>application/x-amz-json-1.1</c>) over the local router:
/// PutEvents, ListRules, DescribeRule, TestEventPattern, DescribeEventBus, ListEventBuses.
/// </summary>
public sealed class EventBridgeApi(EventBridgeRuntime runtime) : IAwsJsonService
{
    private static readonly EventBridgeJsonContext Json = EventBridgeJsonContext.Default;

    public string TargetPrefix => "AWSEvents";

    public string ContentType => "application/x-amz-json-1.1";

    public async Task<byte[]> InvokeAsync(string operation, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            return operation switch
            {
                "PutEvents" => await PutEventsAsync(Read(body, Json.PutEventsRequestDto), cancellationToken).ConfigureAwait(false),
                "ListRules" => ListRules(Read(body, Json.ListRulesRequestDto)),
                "DescribeRule" => DescribeRule(Read(body, Json.DescribeRuleRequestDto)),
                "TestEventPattern" => TestEventPattern(Read(body, Json.TestEventPatternRequestDto)),
                "DescribeEventBus" => DescribeEventBus(Read(body, Json.DescribeEventBusRequestDto)),
                "ListEventBuses" => ListEventBuses(Read(body, Json.ListEventBusesRequestDto)),
                _ => throw AwsServiceException.UnknownOperation(TargetPrefix + "." + operation),
            };
        }
        catch (EventBridgeException error)
        {
            throw new AwsServiceException(error.ErrorCode, error.ErrorCode, error.Message);
        }
        catch (InvalidEventPatternException error)
        {
            throw new AwsServiceException(InvalidEventPatternException.ErrorCode, InvalidEventPatternException.ErrorCode, error.Message);
        }
    }

    private async Task<byte[]> PutEventsAsync(PutEventsRequestDto request, CancellationToken cancellationToken)
    {
        var entries = (request.Entries ?? throw AwsServiceException.MissingMember("", "entries"))
            .Select(e => new PutEventsEntry
            {
                Source = e.Source,
                DetailType = e.DetailType,
                Detail = e.Detail,
                EventBusName = e.EventBusName,
                Resources = e.Resources,
                Time = e.Time,
                TraceHeader = e.TraceHeader,
            })
            .ToList();
        var result = await runtime.PutEventsAsync(entries, cancellationToken).ConfigureAwait(false);
        var response = new PutEventsResponseDto(
            result.FailedEntryCount,
            result.Entries.Select(e => new PutEventsResultEntryDto(e.EventId, e.ErrorCode, e.ErrorMessage)).ToList());
        return Write(response, Json.PutEventsResponseDto);
    }

    private byte[] ListRules(ListRulesRequestDto request)
    {
        var busName = EventBridgeRuntime.ResolveBusName(request.EventBusName);
        var rules = runtime.ListRules(busName, request.NamePrefix);
        var scope = "rules|" + busName + "|" + request.NamePrefix;
        var (page, next) = PageToken.Slice(rules, PageToken.Read(request.NextToken, scope, ""), request.Limit, 100, scope);
        var items = page.Select(r => new RuleDto(r.Name, r.Arn, r.Pattern?.Text, r.StateText, r.Description, r.Schedule?.Text, r.EventBusName))
            .ToList();
        return Write(new ListRulesResponseDto(items, next), Json.ListRulesResponseDto);
    }

    private byte[] DescribeRule(DescribeRuleRequestDto request)
    {
        var name = request.Name ?? throw AwsServiceException.MissingMember("", "name");
        var busName = EventBridgeRuntime.ResolveBusName(request.EventBusName);
        var rule = runtime.ListRules(busName, null).FirstOrDefault(r => r.Name == name)
                   ?? throw new AwsServiceException("ResourceNotFoundException", "ResourceNotFoundException",
                       $"Rule {name} does not exist on EventBus {busName}.");
        return Write(new DescribeRuleResponseDto(rule.Name, rule.Arn, rule.Pattern?.Text, rule.Schedule?.Text, rule.StateText, rule.Description,
            rule.EventBusName, runtime.AccountId), Json.DescribeRuleResponseDto);
    }

    private static byte[] TestEventPattern(TestEventPatternRequestDto request)
    {
        var patternText = request.EventPattern ?? throw AwsServiceException.MissingMember("", "eventPattern");
        var eventText = request.Event ?? throw AwsServiceException.MissingMember("", "event");
        return Write(new TestEventPatternResponseDto(EventRouter.TestEventPattern(eventText, patternText)), Json.TestEventPatternResponseDto);
    }

    private byte[] DescribeEventBus(DescribeEventBusRequestDto request)
    {
        var bus = runtime.FindBus(EventBridgeRuntime.ResolveBusName(request.Name))
                  ?? throw new AwsServiceException("ResourceNotFoundException", "ResourceNotFoundException",
                      $"Event bus {request.Name} does not exist.");
        return Write(new EventBusDto(bus.Name, bus.Arn), Json.EventBusDto);
    }

    private byte[] ListEventBuses(ListEventBusesRequestDto request)
    {
        var buses = runtime.Buses
            .Where(b => request.NamePrefix is null || b.Name.StartsWith(request.NamePrefix, StringComparison.Ordinal))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var scope = "buses|" + request.NamePrefix;
        var (page, next) = PageToken.Slice(buses, PageToken.Read(request.NextToken, scope, ""), request.Limit, 100, scope);
        return Write(new ListEventBusesResponseDto(page.Select(b => new EventBusDto(b.Name, b.Arn)).ToList(), next), Json.ListEventBusesResponseDto);
    }

    private static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(body.Span, type) ?? throw AwsServiceException.Serialization("Request body must be a JSON object.");

    private static byte[] Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
