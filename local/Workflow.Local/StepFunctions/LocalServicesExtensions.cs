using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Local.AwsProtocol;
using Workflow.Local.EventBridgeService;
using Workflow.Local.Hosting;
using Workflow.Local.Notifications;
using Workflow.Local.StepFunctions.Handlers;
using Workflow.Local.StepFunctions.Mocks;
using Workflow.Local.Template;

namespace Workflow.Local.StepFunctions;

/// <summary>
/// Wires the local AWS services (Step Functions engine with its resource handlers, EventBridge router and scheduler,
/// and the AWS JSON-protocol endpoint) into the host. Needs <see cref="LocalEndpoints"/> and
/// <see cref="Functions.IFunctionInvoker"/> registered by the host.
/// </summary>
public static class LocalServicesExtensions
{
    public static IServiceCollection AddLocalServices(this IServiceCollection services, ApplicationModel model, LocalRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);

        services.AddSingleton(new LocalServicesSettings(model, options));
        services.AddSingleton(sp => MockConfigurationLoader.Load(sp.GetRequiredService<LocalServicesSettings>()));
        services.AddSingleton<MockTestCaseRegistry>();
        services.AddSingleton<DynamoDbTaskClient>();
        services.AddSingleton<StepFunctionsRuntime>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StepFunctionsRuntime>());

        services.AddSingleton<DeadLetterFileSink>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<LocalTopics>();
        services.AddSingleton<EventBridgeRuntime>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EventBridgeRuntime>());

        services.AddSingleton<IAwsJsonService, StepFunctionsApi>();
        services.AddSingleton<IAwsJsonService, EventBridgeApi>();
        services.AddSingleton<AwsJsonEndpoint>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /</c> (routed by <c>X-Amz-Target</c>) to the Step Functions and EventBridge APIs, and
    /// <c>GET /_local/notifications</c> to the e-mails SNS would have sent.
    /// </summary>
    public static IEndpointRouteBuilder MapLocalServices(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.ServiceProvider.GetRequiredService<AwsJsonEndpoint>();
        app.MapPost("/", endpoint.HandleAsync).WithDisplayName("AWS JSON protocol (Step Functions, EventBridge)");
        var outbox = app.ServiceProvider.GetRequiredService<NotificationOutbox>();
        app.MapGet(NotificationOutbox.EndpointPath, () => Results.Json(outbox.NewestFirst(), NotificationJsonContext.Default.IReadOnlyListNotification))
            .WithDisplayName("Local e-mail outbox (SNS email subscriptions), newest first");
        return app;
    }
}
