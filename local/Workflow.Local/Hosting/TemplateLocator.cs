namespace Workflow.Local.Hosting;

/// <summary>Finds <c>template.yaml</c>: the given file, else the nearest one walking up from the current directory.</summary>
public static class TemplateLocator
{
    public static string Locate(string? templatePath, string currentDirectory)
    {
        if (templatePath is not null)
        {
            var full = Path.GetFullPath(templatePath, currentDirectory);
            return File.Exists(full) ? full
                : throw new StartupException($"{templatePath}: template not found", StartupException.TemplateError);
        }

        for (var folder = new DirectoryInfo(currentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "template.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new StartupException(
            $"template.yaml not found in {currentDirectory} or any parent folder (use --template <file>)", StartupException.TemplateError);
    }
}
