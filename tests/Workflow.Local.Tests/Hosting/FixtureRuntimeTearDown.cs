using Workflow.Local.Tests.Hosting;

namespace Workflow.Local.Tests;

/// <summary>Stops the shared fixture runtime (workers, dynalite) once every test of the assembly has run.</summary>
[SetUpFixture]
public sealed class FixtureRuntimeTearDown
{
    [OneTimeTearDown]
    public Task StopSharedRuntime() => FixtureRuntime.StopAsync();
}
