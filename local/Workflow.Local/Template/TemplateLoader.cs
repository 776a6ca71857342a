using System.Text.RegularExpressions;

namespace Workflow.Local.Template;

/// <summary>Loads a SAM template into an <see cref="ApplicationModel"/>; every problem is a <see cref="TemplateException"/>.</summary>
public static partial class TemplateLoader
{
    public static ApplicationModel Load(TemplateLoadOptions options)
    {
        var file = Path.GetFullPath(options.TemplatePath);
        if (!File.Exists(file))
        {
            throw new TemplateException(file, 0, $"template not found: {file}");
        }

        var root = YamlTemplateReader.Read(file, File.ReadAllText(file)) as MappingNode
            ?? throw new TemplateException(file, 1, "the template must be a mapping with a Resources section");
        var samconfig = SamConfigFile.Beside(file);
        var parameters = ParameterResolver.Resolve(file, Section(file, root, "Parameters"), ParameterValues(samconfig, options.ParameterOverrides), out var display);
        var resources = ReadResources(file, root);
        var stackName = options.StackName ?? samconfig?.DefaultStackName() ?? FolderStackName(file);
        var context = new TemplateContext(
            file, stackName, options.Region, options.AccountId, parameters,
            Section(file, root, "Mappings"), Section(file, root, "Conditions"), resources)
        {
            LocalIssuer = options.LocalIssuer,
        };
        return new ApplicationModelBuilder(context, Section(file, root, "Globals"), display).Build();
    }

    private static MappingNode? Section(string file, MappingNode root, string name) => root[name] switch
    {
        null => null,
        MappingNode map => map,
        var other => throw new TemplateException(file, other.Line, $"{name} must be a mapping"),
    };

    private static Dictionary<string, TemplateResource> ReadResources(string file, MappingNode root)
    {
        var section = Section(file, root, "Resources")
            ?? throw new TemplateException(file, root.Line, "the template has no Resources section");
        var globals = Section(file, root, "Globals");
        var resources = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
        foreach (var (logicalId, node) in section.Entries)
        {
            var line = section.LineOf(logicalId);
            if (node is not MappingNode resource)
            {
                throw new TemplateException(file, line, $"resource '{logicalId}' must be a mapping");
            }

            if (resource["Type"] is not ScalarNode { Value: { Length: > 0 } type })
            {
                throw new TemplateException(file, line, $"resource '{logicalId}' has no Type");
            }

            var properties = resource["Properties"] switch
            {
                null => new MappingNode([], line, []),
                MappingNode map => map,
                var other => throw new TemplateException(file, other.Line, $"Properties of '{logicalId}' must be a mapping"),
            };
            foreach (var (sectionName, resourceType) in GlobalsMerger.Sections)
            {
                if (resourceType == type && globals?[sectionName] is MappingNode globalProperties)
                {
                    properties = GlobalsMerger.Merge(globalProperties, properties);
                }
            }

            var condition = resource["Condition"] is ScalarNode { Value: { } name } ? name : null;
            resources[logicalId] = new TemplateResource(logicalId, type, properties, resource["Metadata"] as MappingNode, condition, line);
        }

        return resources;
    }

    /// <summary>
    /// samconfig.toml's local parameter values, each replaced by a command-line override of the same name. Unlike
    /// <c>sam deploy</c>, which replaces the whole list, the local runtime merges: a local run decides nothing about
    /// production, and this keeps <c>--parameter-overrides ApprovalThreshold=5</c> from dropping the required Stage.
    /// </summary>
    private static Dictionary<string, string> ParameterValues(SamConfigFile? samconfig, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(samconfig?.LocalParameterOverrides() ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>A stack name from the template's folder name, when samconfig.toml names none.</summary>
    private static string FolderStackName(string templateFile)
    {
        var folder = Path.GetDirectoryName(templateFile)!;
        var name = FolderNameCharacters().Replace(Path.GetFileName(folder), "-").Trim('-');
        return name.Length > 0 && char.IsLetter(name[0]) ? name : "local-" + name;
    }

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex FolderNameCharacters();
}
