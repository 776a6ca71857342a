using Workflow.Local.Template;

namespace Workflow.Local.Tests.Template;

/// <summary>Writes a template (and any side files) into a fresh temporary folder and loads it.</summary>
internal sealed class TemplateFiles : IDisposable
{
    public TemplateFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("workflow-template-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "src"));
    }

    public string Directory { get; }

    public string TemplatePath => Path.Combine(Directory, "template.yaml");

    public TemplateFiles With(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ApplicationModel Load(string template, IReadOnlyDictionary<string, string>? overrides = null)
    {
        File.WriteAllText(TemplatePath, template);
        return TemplateLoader.Load(new TemplateLoadOptions(TemplatePath, overrides ?? new Dictionary<string, string>(), StackName: "demo"));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
