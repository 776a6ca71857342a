using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.DynamoDbServer;
using Workflow.Local.Auth;
using Workflow.Local.Functions;
using Workflow.Local.HttpApi;
using Workflow.Local.Metrics;
using Workflow.Local.Template;

namespace Workflow.Local.Hosting;

/// <summary>
/// The whole application of a template, running on one machine: functions, HTTP API, the AWS endpoints of the local
/// services and DynamoDB. <see cref="StartAsync"/> returns once everything answers; <see cref="DisposeAsync"/> shuts
/// down gracefully (stop accepting, drain in-flight work, stop workers, stop DynamoDB).
/// </summary>
public sealed partial class LocalRuntime : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DynaliteServer? _dynalite;
    private readonly LocalRuntimeOptions _options;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalRuntime(WebApplication app, DynaliteServer? dynalite, LocalRuntimeOptions options, ApplicationModel model,
        LocalEndpoints endpoints, ILogger logger, TimeSpan startupTime, TimeSpan buildTime)
    {
        _app = app;
        _dynalite = dynalite;
        _options = options;
        _logger = logger;
        Model = model;
        BaseUrl = endpoints.HostUrl;
        DynamoDbEndpoint = endpoints.DynamoDbEndpoint;
        DataDirectory = endpoints.DataDirectory;
        StartupTime = startupTime;
        BuildTime = buildTime;
    }

    public ApplicationModel Model { get; }

    /// <summary>The HTTP API and the Step Functions/EventBridge endpoint, e.g. <c>http://127.0.0.1:3000/</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri DynamoDbEndpoint { get; }

    public string DataDirectory { get; }

    public Uri TokenEndpoint => new(BaseUrl, TokenEndpointPath);

    public TimeSpan StartupTime { get; }

    public TimeSpan BuildTime { get; }

    public IServiceProvider Services => _app.Services;

    private const string TokenEndpointPath = "_local/token";

    public static async Task<LocalRuntime> StartAsync(LocalRuntimeOptions options, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var port = ReservePort(options.Port);
        var hostUrl = new Uri($"http://127.0.0.1:{port}/");
        var (model, dataDirectory) = LoadedApplication.Load(options, hostUrl);
        Directory.CreateDirectory(dataDirectory);
        var endpoints = new LocalEndpoints { HostUrl = hostUrl, DataDirectory = dataDirectory };
        var app = BuildApplication(model, options, endpoints, port);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Local");
        DynaliteServer? dynalite = null;
        try
        {
            var buildWatch = Stopwatch.StartNew();
            var build = Task.Run(() => app.Services.GetRequiredService<FunctionBuilder>().BuildAsync(model.Functions, options.SkipBuild, ct), ct);
            var dynamo = StartDynamoDbAsync(options, dataDirectory, logger, ct);
            try
            {
                await build.ConfigureAwait(false);
            }
            catch (BuildException ex)
            {
                throw new StartupException(ex.Message, StartupException.BuildFailed, ex);
            }
            finally
            {
                buildWatch.Stop();
                dynalite = await dynamo.ConfigureAwait(false);
            }

            endpoints.DynamoDbEndpoint = dynalite?.Endpoint ?? options.DynamoDbEndpoint!;
            var dynamoClient = app.Services.GetRequiredService<IAmazonDynamoDB>();
            await DynamoDbTables.EnsureAsync(dynamoClient, model.Tables, logger, ct).ConfigureAwait(false);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw PortInUse(port, ex);
            }

            var runtime = new LocalRuntime(app, dynalite, options, model, endpoints, logger, started.Elapsed, buildWatch.Elapsed);
            return runtime;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (dynalite is not null)
            {
                await dynalite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private static async Task<DynaliteServer?> StartDynamoDbAsync(LocalRuntimeOptions options, string dataDirectory, ILogger logger, CancellationToken ct)
    {
        if (options.DynamoDbEndpoint is not null)
        {
            return null;
        }

        try
        {
            return await DynaliteServer.StartAsync(new DynaliteOptions
            {
                Port = 0,
                DataDirectory = Path.Combine(dataDirectory, "dynamodb"),
                Log = message => logger.LogInformation("{Message}", message),
            }, ct).ConfigureAwait(false);
        }
        catch (DynamoDbServerException ex)
        {
            throw new StartupException($"the embedded DynamoDB (dynalite) could not start: {ex.Message}", StartupException.DependencyMissing, ex);
        }
    }

    private static WebApplication BuildApplication(ApplicationModel model, LocalRuntimeOptions options, LocalEndpoints endpoints, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = model.TemplateDirectory });
        LoggingSetup.Configure(builder.Logging, options.LogFormat);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        RegisterServices(builder.Services, model, options, endpoints);

        var app = builder.Build();
        var requestLogging = app.Services.GetRequiredService<RequestLogging>();
        var httpApi = app.Services.GetRequiredService<HttpApiHandler>();
        app.Use((context, next) => requestLogging.InvokeAsync(context, () => next(context)));
        app.Use((context, next) =>
        {
            // AWS JSON-protocol calls (X-Amz-Target) and the runtime's own /_local endpoints are not API routes.
            var isAws = context.Request.Headers.ContainsKey("X-Amz-Target");
            var isLocal = context.Request.Path.StartsWithSegments("/_local", StringComparison.Ordinal);
            return isAws || isLocal ? next(context) : httpApi.HandleAsync(context);
        });
        var tokens = app.Services.GetRequiredService<TokenEndpoint>();
        app.MapPost("/" + TokenEndpointPath, tokens.HandleAsync);
        var oidc = app.Services.GetRequiredService<OidcProvider>();
        app.MapGet(OidcPaths.Discovery, oidc.DiscoveryAsync);
        app.MapGet(OidcPaths.Jwks, oidc.JwksAsync);
        app.MapGet(OidcPaths.Authorize, oidc.ShowSignInAsync);
        app.MapPost(OidcPaths.Authorize, oidc.SignInAsync);
        app.MapPost(OidcPaths.Token, oidc.TokenAsync);
        app.MapGet(OidcPaths.Logout, oidc.LogoutAsync);
        app.MapGet("/_local/health", () => Results.Json(new HealthResponse("ok"), HostingJsonContext.Default.HealthResponse));
        var metrics = app.Services.GetRequiredService<LocalMetrics>();
        app.MapGet(LocalMetrics.EndpointPath, () => Results.Json(metrics.Report(), MetricsJsonContext.Default.MetricsReport));
        MapServices(app);
        return app;
    }

    private static void RegisterServices(IServiceCollection services, ApplicationModel model, LocalRuntimeOptions options, LocalEndpoints endpoints)
    {
        services.AddSingleton(model);
        services.AddSingleton(options);
        services.AddSingleton(endpoints);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(options.BuildDirectory is { } buildDirectory
            ? new FunctionArtifacts(buildDirectory)
            : FunctionArtifacts.InDataDirectory(endpoints.DataDirectory));
        services.AddSingleton(new WorkerLauncher(endpoints.DataDirectory));
        services.AddSingleton(sp => new FunctionBuilder(sp.GetRequiredService<FunctionArtifacts>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Local.Build")));
        services.AddSingleton<LocalMetrics>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<IFunctionInvoker>(sp => sp.GetRequiredService<FunctionInvoker>());
        services.AddSingleton(_ => JwtSigningKey.LoadOrCreate(endpoints.DataDirectory));
        services.AddSingleton<JwtIssuer>();
        services.AddSingleton<JwtValidator>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<AuthorizationGrants>();
        services.AddSingleton<OidcProvider>();
        services.AddSingleton<HttpApiHandler>();
        services.AddSingleton<RequestLogging>();
        services.AddSingleton<IAmazonDynamoDB>(_ => DynamoDbTables.CreateClient(endpoints.DynamoDbEndpoint, model.Region));
        AddServices(services, model, options);
    }

    /// <summary>Picks the port now (a free one for 0) so every URL is known before anything starts.</summary>
    private static int ReservePort(int requested)
    {
        var listener = new TcpListener(IPAddress.Loopback, requested);
        try
        {
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw PortInUse(requested, ex);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static StartupException PortInUse(int port, Exception inner) =>
        new($"port {port} is already in use on 127.0.0.1: stop the process using it or pass --port <other> (0 picks a free port)", StartupException.PortInUse, inner);

    /// <summary>Returns when the host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="ct"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _logger.LogInformation("shutting down: no new requests, draining in-flight work (up to {Seconds} s)", _options.ShutdownTimeout.TotalSeconds);
        using var drain = new CancellationTokenSource(_options.ShutdownTimeout);
        try
        {
            await _app.StopAsync(drain.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("shutdown deadline reached with requests still running");
        }

        await _app.Services.GetRequiredService<FunctionInvoker>().StopAsync(drain.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_dynalite is not null)
        {
            await _dynalite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
