using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Definition;

/// <summary>The Map state: processor (ItemProcessor or legacy Iterator), item selection, concurrency and failure tolerance.</summary>
internal static class MapDefinitionParser
{
    public static MapStateNode Parse(string name, StateFields f)
    {
        var (next, end) = f.Transition();
        var hasProcessor = f.Obj.TryGetPropertyValue("ItemProcessor", out var processorNode);
        var hasIterator = f.Obj.TryGetPropertyValue("Iterator", out var iteratorNode);
        if (hasProcessor == hasIterator)
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: A Map state must have exactly one of 'ItemProcessor' or 'Iterator'");
        }

        var field = hasProcessor ? "ItemProcessor" : "Iterator";
        if ((hasProcessor ? processorNode : iteratorNode) is not JsonObject processorObj)
        {
            throw new DefinitionException(DefinitionParser.Loc(f.Location, field), $"SCHEMA_VALIDATION_FAILED: '{field}' must be an object");
        }

        var processor = DefinitionParser.ParseProcessor(processorObj, DefinitionParser.Loc(f.Location, field), out var distributed);
        if (f.Obj.ContainsKey("ItemSelector") && f.Obj.ContainsKey("Parameters"))
        {
            throw new DefinitionException(f.Location, "SCHEMA_VALIDATION_FAILED: 'ItemSelector' and 'Parameters' are mutually exclusive");
        }

        if (f.Obj.ContainsKey("ItemReader") || f.Obj.ContainsKey("ResultWriter"))
        {
            throw new DefinitionException(f.Location, "UNSUPPORTED_FEATURE: ItemReader and ResultWriter (distributed Map over S3) are not supported by this engine");
        }

        Exclusive(f, "MaxConcurrency", "MaxConcurrencyPath");
        Exclusive(f, "ToleratedFailureCount", "ToleratedFailureCountPath");
        Exclusive(f, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");

        var maxConcurrency = f.Obj["MaxConcurrency"] is { } mc ? DefinitionParser.PositiveInt(mc, DefinitionParser.Loc(f.Location, "MaxConcurrency"), true) : 0;
        int? toleratedCount = f.Obj["ToleratedFailureCount"] is { } tc ? DefinitionParser.PositiveInt(tc, DefinitionParser.Loc(f.Location, "ToleratedFailureCount"), true) : null;
        double? toleratedPercentage = null;
        if (f.Obj["ToleratedFailurePercentage"] is { } tp)
        {
            if (tp is not JsonValue tv || tv.GetValueKind() != JsonValueKind.Number || !tv.TryGetValue(out double p) || p < 0 || p > 100)
            {
                throw new DefinitionException(DefinitionParser.Loc(f.Location, "ToleratedFailurePercentage"), "SCHEMA_VALIDATION_FAILED: ToleratedFailurePercentage must be a number between 0 and 100");
            }

            toleratedPercentage = p;
        }

        return new MapStateNode(name)
        {
            Comment = f.Comment,
            Next = next,
            End = end,
            Processor = processor,
            Distributed = distributed,
            InputPath = f.DataPath("InputPath"),
            OutputPath = f.DataPath("OutputPath"),
            ResultPath = f.ResultPath("ResultPath"),
            ResultSelector = f.Template("ResultSelector"),
            ItemSelector = f.Template("ItemSelector") ?? f.Template("Parameters"),
            ItemsPath = f.Path("ItemsPath"),
            ItemsPathText = f.OptionalString("ItemsPath") ?? "$",
            MaxConcurrency = maxConcurrency,
            MaxConcurrencyPath = f.Path("MaxConcurrencyPath"),
            MaxConcurrencyPathText = f.OptionalString("MaxConcurrencyPath"),
            ToleratedFailureCount = toleratedCount,
            ToleratedFailureCountPath = f.Path("ToleratedFailureCountPath"),
            ToleratedFailureCountPathText = f.OptionalString("ToleratedFailureCountPath"),
            ToleratedFailurePercentage = toleratedPercentage,
            ToleratedFailurePercentagePath = f.Path("ToleratedFailurePercentagePath"),
            ToleratedFailurePercentagePathText = f.OptionalString("ToleratedFailurePercentagePath"),
            ItemBatcher = ParseBatcher(f),
            Retry = ParseRecoverable(f).Retry,
            Catch = ParseRecoverable(f).Catch,
            Assign = f.Template("Assign"),
            EnteredEvent = "MapStateEntered",
            ExitedEvent = "MapStateExited",
        };
    }

    private static (IReadOnlyList<Retrier> Retry, IReadOnlyList<Catcher> Catch) ParseRecoverable(StateFields f) =>
        DefinitionParser.RetryAndCatch(f);

    private static void Exclusive(StateFields f, string a, string b)
    {
        if (f.Obj.ContainsKey(a) && f.Obj.ContainsKey(b))
        {
            throw new DefinitionException(f.Location, $"SCHEMA_VALIDATION_FAILED: '{a}' and '{b}' are mutually exclusive");
        }
    }

    private static ItemBatcherSpec? ParseBatcher(StateFields f)
    {
        if (!f.Obj.TryGetPropertyValue("ItemBatcher", out var node))
        {
            return null;
        }

        var location = DefinitionParser.Loc(f.Location, "ItemBatcher");
        if (node is not JsonObject obj)
        {
            throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: 'ItemBatcher' must be an object");
        }

        DefinitionParser.RejectUnknown(obj, System.Collections.Frozen.FrozenSet.Create("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"), location);
        var fields = new StateFields(obj, location);
        var spec = new ItemBatcherSpec
        {
            MaxItemsPerBatch = obj["MaxItemsPerBatch"] is { } mi ? DefinitionParser.PositiveInt(mi, $"{location}/MaxItemsPerBatch", false) : null,
            MaxItemsPerBatchPath = fields.Path("MaxItemsPerBatchPath"),
            MaxInputBytesPerBatch = obj["MaxInputBytesPerBatch"] is { } mb ? DefinitionParser.PositiveInt(mb, $"{location}/MaxInputBytesPerBatch", false) : null,
            MaxInputBytesPerBatchPath = fields.Path("MaxInputBytesPerBatchPath"),
            BatchInput = fields.Template("BatchInput"),
        };
        if (spec.MaxItemsPerBatch is null && spec.MaxItemsPerBatchPath is null && spec.MaxInputBytesPerBatch is null && spec.MaxInputBytesPerBatchPath is null)
        {
            throw new DefinitionException(location, "SCHEMA_VALIDATION_FAILED: ItemBatcher needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path)");
        }

        return spec;
    }
}
