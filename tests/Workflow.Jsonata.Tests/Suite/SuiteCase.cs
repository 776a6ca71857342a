using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Jsonata.Tests.Suite;

/// <summary>One case of the JSONata reference suite in ../shared/conformance/jsonata-suite (format in its README).</summary>
internal sealed record SuiteCase(string Id, JsonObject Document, string File)
{
    public static string Root => Path.Combine(RepoPaths.SharedConformance, "jsonata-suite");

    public string Expression => Text(Document["expr"]!, "expr");

    /// <summary>
    /// A JSON string's value. Some cases hold lone UTF-16 surrogates (\ud800), which System.Text.Json refuses to
    /// return as a string; those are decoded from the raw text.
    /// </summary>
    private string Text(JsonNode node, string member)
    {
        try
        {
            return node.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            using var raw = JsonDocument.Parse(System.IO.File.ReadAllText(File));
            return JsonStringDecoder.Decode(raw.RootElement.GetProperty(member).GetRawText());
        }
    }

    public static IEnumerable<SuiteCase> All()
    {
        var cases = Path.Combine(Root, "cases");
        if (!Directory.Exists(cases))
        {
            throw new DirectoryNotFoundException($"The JSONata suite was not found at {cases} (expected ../shared/conformance/jsonata-suite beside the repository).");
        }

        foreach (var file in Directory.EnumerateFiles(cases, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var doc = JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsObject();
            yield return new SuiteCase(doc["id"]!.GetValue<string>(), doc, file);
        }
    }

    /// <summary>The input: inline <c>data</c>, a named dataset, or null (undefined).</summary>
    public object? Input()
    {
        if (Document.TryGetPropertyValue("data", out var data))
        {
            return JsonataValues.FromJsonNode(data);
        }

        if (Document["dataset"] is JsonValue name)
        {
            var text = System.IO.File.ReadAllText(Path.Combine(Root, "datasets", name.GetValue<string>() + ".json"));
            return JsonataValues.FromJsonNode(JsonNode.Parse(text));
        }

        return null;
    }

    public Dictionary<string, object?> Bindings()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Document["bindings"] is JsonObject bindings)
        {
            foreach (var (k, v) in bindings)
            {
                result[k] = JsonataValues.FromJsonNode(v);
            }
        }

        return result;
    }

    public EvaluationOptions Options()
    {
        var options = EvaluationOptions.Default;
        if (Document["depth"] is JsonValue depth)
        {
            options = options with { MaxDepth = depth.GetValue<int>() };
        }

        if (Document["timelimit"] is JsonValue limit)
        {
            options = options with { TimeLimit = TimeSpan.FromMilliseconds(limit.GetValue<double>()) };
        }

        return options;
    }

    /// <summary>The expected error code, or null when the case expects a value.</summary>
    public string? ExpectedCode => Document["code"]?.GetValue<string>() ?? Document["error"]?["code"]?.GetValue<string>();

    public string? ExpectedMessage => Document["error"]?["message"]?.GetValue<string>();
}
