using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

/// <summary>Typed reads of evaluated resource properties, with template-line errors.</summary>
internal sealed record JsonProperties(JsonObject Object, TemplateContext Context, int Line, string Owner)
{
    public JsonNode? this[string name] => Object[name];

    public string? String(string name)
    {
        var value = Object[name];
        return value is null ? null : Context.AsString(value, Line, $"{Owner}.{name}");
    }

    public string RequiredString(string name) =>
        String(name) ?? throw Context.Error(Line, $"{Owner} needs the property {name}");

    public int? Int(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Context.Error(Line, $"{Owner}.{name} must be a whole number, got '{text}'");
    }

    public bool? Bool(string name)
    {
        var text = String(name);
        return text is null ? null
            : bool.TryParse(text, out var value) ? value
            : throw Context.Error(Line, $"{Owner}.{name} must be true or false, got '{text}'");
    }

    public JsonProperties? Object_(string name) => Object[name] switch
    {
        null => null,
        JsonObject obj => new JsonProperties(obj, Context, Line, $"{Owner}.{name}"),
        _ => throw Context.Error(Line, $"{Owner}.{name} must be a mapping"),
    };

    public JsonArray? Array(string name) => Object[name] switch
    {
        null => null,
        JsonArray array => array,
        _ => throw Context.Error(Line, $"{Owner}.{name} must be a list"),
    };

    public IReadOnlyList<string> Strings(string name) => Object[name] switch
    {
        null => [],
        JsonArray array => array.Select(item => Context.AsString(item, Line, $"{Owner}.{name}")).ToList(),
        var single => [Context.AsString(single, Line, $"{Owner}.{name}")],
    };

    public Dictionary<string, string> StringMap(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object_(name) is { } map)
        {
            foreach (var (key, value) in map.Object)
            {
                result[key] = Context.AsString(value, Line, $"{Owner}.{name}.{key}");
            }
        }

        return result;
    }
}
