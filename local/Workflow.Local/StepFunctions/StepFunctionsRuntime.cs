using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Local.AwsProtocol;
using Workflow.Local.Functions;
using Workflow.Local.Hosting;
using Workflow.Local.StepFunctions.Handlers;
using Workflow.Local.StepFunctions.Mocks;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Sqlite;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions;

/// <summary>
/// The local Step Functions service: a <see cref="StateMachineEngine"/> with a SQLite store under the data directory
/// (<c>stepfunctions.db</c>), the resource handlers for the integrations the template uses, the template's state
/// machines, and the mock configuration. Unfinished executions resume when the host has started.
/// </summary>
public sealed partial class StepFunctionsRuntime : IHostedLifecycleService, IAsyncDisposable
{
    private readonly LocalServicesSettings settings;
    private readonly LocalEndpoints endpoints;
    private readonly IFunctionInvoker functions;
    private readonly DynamoDbTaskClient dynamoDb;
    private readonly IServiceProvider services;
    private int disposed;
    private readonly ILogger<StepFunctionsRuntime> logger;
    private StateMachineEngine? engine;
    private SqliteExecutionStore? store;

    public StepFunctionsRuntime(
        LocalServicesSettings settings,
        LocalEndpoints endpoints,
        IFunctionInvoker functions,
        DynamoDbTaskClient dynamoDb,
        MockConfiguration mocks,
        MockTestCaseRegistry testCases,
        IServiceProvider services,
        ILogger<StepFunctionsRuntime> logger)
    {
        this.settings = settings;
        this.endpoints = endpoints;
        this.functions = functions;
        this.dynamoDb = dynamoDb;
        this.services = services;
        this.logger = logger;
        Mocks = mocks;
        TestCases = testCases;
        TransitionLog = new ExecutionTransitionLog(
            logger, arn => engine?.DescribeExecution(arn).Input, arn => engine?.GetExecutionHistory(arn));
    }

    public StateMachineEngine Engine => engine ?? throw new InvalidOperationException("The Step Functions service has not started yet.");

    public TimeProvider Clock => settings.Options.TimeProvider;

    public MockConfiguration Mocks { get; }

    public MockTestCaseRegistry TestCases { get; }

    internal ExecutionTransitionLog TransitionLog { get; }

    private string Region => settings.Model.Region;

    private string AccountId => settings.Model.AccountId;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = settings.ResolveDataDirectory(endpoints);
        TestCases.Open(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "stepfunctions.db");
        store = new SqliteExecutionStore(databasePath);
        engine = new StateMachineEngine(new StateMachineEngineOptions
        {
            TimeProvider = Clock,
            Store = store,
            Handlers = CreateHandlers(),
            Region = Region,
            AccountId = AccountId,
            Observer = TransitionLog,
        });

        foreach (var machine in settings.Model.StateMachines)
        {
            ApiNames.TryParseType(machine.Type, out var type);
            try
            {
                CreateOrUpdate(engine, machine.Name, machine.Arn, machine.DefinitionJson, machine.RoleArn, type);
            }
            catch (StepFunctionsApiException error)
            {
                throw new InvalidOperationException(
                    $"{settings.Model.TemplatePath}: state machine {machine.LogicalId} ({machine.Name}): {error.ErrorCode}: {error.Message}", error);
            }

            LogStateMachine(logger, machine.Name, machine.Arn);
        }

        LogStarted(logger, databasePath, Mocks.IsEmpty ? "" : settings.Options.MockConfigPath ?? "", Mocks.DefaultTestCase ?? "");
        return Task.CompletedTask;
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // Resuming runs tasks, which may need DynamoDB and the functions: both are up once every hosted service started.
        var resumed = await Engine.ResumeAsync().ConfigureAwait(false);
        LogResumed(logger, resumed);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>
    /// Splits <c>arn:...:stateMachine:name#TestCase</c> into the state machine ARN and the test case (null when absent).
    /// </summary>
    public (string StateMachineArn, string? TestCase) SplitTestCase(string stateMachineArn)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        var hash = stateMachineArn.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return (stateMachineArn, null);
        }

        var arn = stateMachineArn[..hash];
        var testCase = stateMachineArn[(hash + 1)..];
        var name = NameOf(arn);
        if (!Mocks.HasTestCase(name, testCase))
        {
            throw AwsServiceException.Validation(StepFunctionsApi.ErrorTypePrefix,
                $"The mock configuration defines no test case '{testCase}' for state machine '{name}'.");
        }

        return (arn, testCase);
    }

    /// <summary>
    /// Starts an execution, recording its mock test case first so the very first Task already sees its mocks.
    /// </summary>
    public async Task<ExecutionInfo> StartExecutionAsync(string stateMachineArn, string? name, string input, string? testCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        var executionName = string.IsNullOrEmpty(name) ? Guid.NewGuid().ToString() : name;
        if (testCase is not null)
        {
            var executionArn = $"arn:aws:states:{Region}:{AccountId}:execution:{NameOf(stateMachineArn)}:{executionName}";
            TestCases.Assign(executionArn, testCase);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await Engine.StartExecutionAsync(stateMachineArn, executionName, input).ConfigureAwait(false);
    }

    /// <summary>Completes when the execution has stopped (any terminal status).</summary>
    public Task<ExecutionInfo> WaitForCompletionAsync(string executionArn, CancellationToken cancellationToken) =>
        Engine.WaitForCompletionAsync(executionArn, cancellationToken);

    /// <summary>
    /// Creates a template state machine, or updates the stored one when the template changed since the last run
    /// (the store keeps state machines across restarts).
    /// </summary>
    private static void CreateOrUpdate(StateMachineEngine engine, string name, string arn, string definition, string roleArn, StateMachineType type)
    {
        try
        {
            engine.CreateStateMachine(name, definition, roleArn, type);
        }
        catch (StepFunctionsApiException error) when (error.ErrorCode == ApiErrorCodes.StateMachineAlreadyExists)
        {
            engine.UpdateStateMachine(arn, definition, roleArn);
        }
    }

    private TaskHandlerRegistry CreateHandlers()
    {
        var identity = new LambdaIdentity(settings.Model.Partition, Region, AccountId, Clock);
        var registry = new TaskHandlerRegistry();
        void Register(string pattern, ITaskHandler handler) =>
            registry.Register(pattern, new MockingTaskHandler(handler, Mocks, TestCases, this, logger));

        Register("arn:aws:states:::lambda:invoke", new LambdaInvokeHandler(functions, identity));
        Register("arn:aws:lambda:*:*:function:*", new LambdaFunctionHandler(functions, identity));
        foreach (var (action, operation) in DynamoDbTaskHandler.Actions)
        {
            Register("arn:aws:states:::dynamodb:" + action, new DynamoDbTaskHandler(dynamoDb, operation));
        }

        Register("arn:aws:states:::events:putEvents", new EventsPutEventsHandler(services));
        Register("arn:aws:states:::states:startExecution", new StartExecutionHandler(this));
        return registry;
    }

    internal static string NameOf(string stateMachineArn)
    {
        var marker = stateMachineArn.LastIndexOf(":stateMachine:", StringComparison.Ordinal);
        var name = marker < 0 ? stateMachineArn : stateMachineArn[(marker + ":stateMachine:".Length)..];
        var versionSeparator = name.IndexOf(':', StringComparison.Ordinal);
        return versionSeparator < 0 ? name : name[..versionSeparator];
    }

    public async ValueTask DisposeAsync()
    {
        // Called when the host stops and again when the container disposes its singletons.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (engine is not null)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        if (store is not null)
        {
            store.Dispose();
            store = null;
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "stepfunctions started store={DatabasePath} mockConfig={MockConfig} mockTestCase={MockTestCase}")]
    private static partial void LogStarted(ILogger logger, string databasePath, string mockConfig, string mockTestCase);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "stepfunctions resumed {Count} unfinished executions")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "stepfunctions state machine {Name} arn={Arn}")]
    private static partial void LogStateMachine(ILogger logger, string name, string arn);
}
