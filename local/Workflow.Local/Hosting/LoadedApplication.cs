using Workflow.Local.Auth;
using Workflow.Local.Template;

namespace Workflow.Local.Hosting;

/// <summary>
/// The template found and loaded for a set of options, with the data directory it implies: the runtime and the token
/// command must agree on both (the token command signs with the key the runtime keeps in that directory).
/// </summary>
internal sealed record LoadedApplication(ApplicationModel Model, string DataDirectory)
{
    /// <summary>
    /// Loads the template for a runtime at <paramref name="hostUrl"/> (a user pool resolves to its OpenID Connect issuer);
    /// a template error becomes a <see cref="StartupException"/> (file, line, problem).
    /// </summary>
    public static LoadedApplication Load(LocalRuntimeOptions options, Uri hostUrl)
    {
        var templatePath = TemplateLocator.Locate(options.TemplatePath, Directory.GetCurrentDirectory());
        ApplicationModel model;
        try
        {
            model = TemplateLoader.Load(new TemplateLoadOptions(templatePath, options.ParameterOverrides, options.Region, options.AccountId, options.StackName, OidcPaths.IssuerUrl(hostUrl)));
        }
        catch (TemplateException ex)
        {
            throw new StartupException(ex.Message, StartupException.TemplateError, ex);
        }

        return new LoadedApplication(model, Path.GetFullPath(options.DataDirectory ?? Path.Combine(model.TemplateDirectory, ".workflow-local")));
    }
}
