using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.Local.Template;

/// <summary>
/// Resolves the template's <c>Parameters</c>: given values (command-line overrides over samconfig.toml's local
/// parameter_overrides), else defaults, checked against constraints.
/// </summary>
internal static class ParameterResolver
{
    public static Dictionary<string, JsonNode> Resolve(
        string file, MappingNode? section, IReadOnlyDictionary<string, string> overrides, out Dictionary<string, string> display)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        display = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = section?.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in overrides.Keys)
        {
            if (!declared.Contains(key))
            {
                throw new TemplateException(file, section?.Line ?? 0,
                    $"unknown parameter '{key}' in --parameter-overrides or samconfig.toml (the template declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal)))})");
            }
        }

        if (section is null)
        {
            return values;
        }

        foreach (var (name, node) in section.Entries)
        {
            var line = section.LineOf(name);
            if (node is not MappingNode definition)
            {
                throw new TemplateException(file, line, $"parameter '{name}' must be a mapping with at least a Type");
            }

            var type = Scalar(definition["Type"]) ?? throw new TemplateException(file, line, $"parameter '{name}' has no Type");
            string value;
            if (overrides.TryGetValue(name, out var given))
            {
                value = given;
            }
            else if (definition["Default"] is { } defaultNode)
            {
                value = Scalar(defaultNode) ?? "";
            }
            else
            {
                throw new TemplateException(file, line,
                    $"parameter '{name}' has no Default and no value: pass --parameter-overrides {name}=<value> or set it in {SamConfigFile.FileName} [{SamConfigFile.LocalParametersTable}] parameter_overrides");
            }

            Check(file, line, name, type, value, definition);
            display[name] = value;
            values[name] = type is "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
                ? new JsonArray(value.Split(',').Select(part => (JsonNode?)JsonValue.Create(part.Trim())).ToArray())
                : JsonValue.Create(value);
        }

        return values;
    }

    private static string? Scalar(TemplateNode? node) => node is ScalarNode scalar ? scalar.Value : null;

    private static void Check(string file, int line, string name, string type, string value, MappingNode definition)
    {
        if (definition["AllowedValues"] is SequenceNode allowed)
        {
            var options = allowed.Items.Select(Scalar).ToList();
            if (!options.Contains(value))
            {
                throw new TemplateException(file, line,
                    $"parameter '{name}' value '{value}' is not one of the AllowedValues: {string.Join(", ", options)}");
            }
        }

        if (Scalar(definition["AllowedPattern"]) is { } pattern && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new TemplateException(file, line, $"parameter '{name}' value '{value}' does not match AllowedPattern {pattern}");
        }

        if (Scalar(definition["MinLength"]) is { } min && value.Length < int.Parse(min, CultureInfo.InvariantCulture))
        {
            throw new TemplateException(file, line, $"parameter '{name}' is shorter than MinLength {min}");
        }

        if (Scalar(definition["MaxLength"]) is { } max && value.Length > int.Parse(max, CultureInfo.InvariantCulture))
        {
            throw new TemplateException(file, line, $"parameter '{name}' is longer than MaxLength {max}");
        }

        if (type == "Number")
        {
            if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new TemplateException(file, line, $"parameter '{name}' must be a Number, got '{value}'");
            }

            if (Scalar(definition["MinValue"]) is { } minValue && number < decimal.Parse(minValue, CultureInfo.InvariantCulture))
            {
                throw new TemplateException(file, line, $"parameter '{name}' value {value} is below MinValue {minValue}");
            }

            if (Scalar(definition["MaxValue"]) is { } maxValue && number > decimal.Parse(maxValue, CultureInfo.InvariantCulture))
            {
                throw new TemplateException(file, line, $"parameter '{name}' value {value} is above MaxValue {maxValue}");
            }
        }
    }
}
