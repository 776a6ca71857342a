using Workflow.Local.Hosting;
using Workflow.Local.Template;

namespace Workflow.Local.StepFunctions;

/// <summary>The application model and runtime options the local AWS services are built from.</summary>
public sealed record LocalServicesSettings(ApplicationModel Model, LocalRuntimeOptions Options)
{
    /// <summary>The data directory: the host's resolved one when set, otherwise the option, otherwise beside the template.</summary>
    public string ResolveDataDirectory(LocalEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var directory = !string.IsNullOrEmpty(endpoints.DataDirectory)
            ? endpoints.DataDirectory
            : Options.DataDirectory ?? Path.Combine(Model.TemplateDirectory, ".workflow-local");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
