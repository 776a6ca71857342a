using System.Globalization;
using System.Text;

namespace Workflow.Local.Template;

/// <summary>
/// The few values the local runtime takes from the <c>samconfig.toml</c> beside a template: the stack name of the
/// default environment and the parameter values SAM's local commands use
/// (<c>[default.local_start_api.parameters] parameter_overrides</c>). Only TOML's table headers and string keys are
/// read; anything else in the file is ignored, as it configures other SAM commands.
/// </summary>
public sealed class SamConfigFile
{
    public const string FileName = "samconfig.toml";

    /// <summary>The table whose <c>parameter_overrides</c> the local runtime starts from.</summary>
    public const string LocalParametersTable = "default.local_start_api.parameters";

    private readonly List<(string Table, string Key, string Value)> entries;

    private SamConfigFile(string path, List<(string Table, string Key, string Value)> entries)
    {
        Path = path;
        this.entries = entries;
    }

    public string Path { get; }

    /// <summary>The samconfig.toml in the template's folder, or null when there is none.</summary>
    public static SamConfigFile? Beside(string templateFile)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(templateFile))!, FileName);
        return File.Exists(path) ? Parse(path, File.ReadAllText(path)) : null;
    }

    public static SamConfigFile Parse(string path, string text)
    {
        var entries = new List<(string, string, string)>();
        var table = "";
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                table = end > 1 ? line[1..end].Trim() : throw Error(path, lineNumber, "a table header needs a closing ]");
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length > 0 && value[0] is '"' or '\'')
            {
                entries.Add((table, key, StringValue(path, lineNumber, value)));
            }
        }

        return new SamConfigFile(path, entries);
    }

    /// <summary>A string value of a table, or null when the table does not set it.</summary>
    public string? Value(string table, string key) =>
        entries.Where(e => e.Table == table && e.Key == key).Select(e => e.Value).LastOrDefault();

    /// <summary>The stack name of the default environment: the first <c>stack_name</c> in a <c>[default.*]</c> table.</summary>
    public string? DefaultStackName() =>
        entries.Where(e => e.Key == "stack_name" && e.Table.StartsWith("default.", StringComparison.Ordinal))
            .Select(e => e.Value).FirstOrDefault();

    /// <summary>The parameter values of <see cref="LocalParametersTable"/> (none when the table or key is missing).</summary>
    public IReadOnlyDictionary<string, string> LocalParameterOverrides() =>
        Value(LocalParametersTable, "parameter_overrides") is { } list
            ? ParseParameterOverrides(list, Path)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// SAM's <c>parameter_overrides</c> syntax: <c>Key=Value</c> pairs separated by spaces, a value in double quotes
    /// may contain spaces and <c>\"</c>.
    /// </summary>
    public static Dictionary<string, string> ParseParameterOverrides(string list, string source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < list.Length)
        {
            if (char.IsWhiteSpace(list[i]))
            {
                i++;
                continue;
            }

            var equals = list.IndexOf('=', i);
            if (equals <= i)
            {
                throw new TemplateException(source, 0, $"parameter_overrides must be Key=Value pairs, not '{list[i..]}'");
            }

            var key = list[i..equals];
            i = equals + 1;
            var value = new StringBuilder();
            if (i < list.Length && list[i] == '"')
            {
                i++;
                while (i < list.Length && list[i] != '"')
                {
                    if (list[i] == '\\' && i + 1 < list.Length)
                    {
                        i++;
                    }

                    value.Append(list[i++]);
                }

                if (i >= list.Length)
                {
                    throw new TemplateException(source, 0, $"parameter_overrides: the value of '{key}' has no closing quote");
                }

                i++;
            }
            else
            {
                while (i < list.Length && !char.IsWhiteSpace(list[i]))
                {
                    value.Append(list[i++]);
                }
            }

            result[key] = value.ToString();
        }

        return result;
    }

    /// <summary>A TOML basic ("...", with escapes) or literal ('...') string, up to its closing quote.</summary>
    private static string StringValue(string path, int line, string text)
    {
        var quote = text[0];
        var value = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c == '\\' && quote == '"' && i + 1 < text.Length)
            {
                i++;
                switch (text[i])
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'u' when i + 4 < text.Length:
                        value.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: value.Append(text[i]); break;
                }

                continue;
            }

            value.Append(c);
        }

        throw Error(path, line, "a string has no closing quote");
    }

    private static TemplateException Error(string path, int line, string problem) => new(path, line, problem);
}
