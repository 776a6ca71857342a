using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Local.StepFunctions;
using Workflow.Local.Template;

namespace Workflow.Local.Hosting;

/// <summary>The composition hook of the local AWS services (Step Functions, EventBridge), defined in their folders.</summary>
public sealed partial class LocalRuntime
{
    private static void AddServices(IServiceCollection services, ApplicationModel model, LocalRuntimeOptions options) =>
        services.AddLocalServices(model, options);

    private static void MapServices(WebApplication app) => app.MapLocalServices();
}
