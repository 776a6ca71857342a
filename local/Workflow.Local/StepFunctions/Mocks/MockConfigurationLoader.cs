namespace Workflow.Local.StepFunctions.Mocks;

/// <summary>Loads the mock configuration named by <c>--mock-config</c> (no file: nothing is mocked).</summary>
public static class MockConfigurationLoader
{
    public static MockConfiguration Load(LocalServicesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.Options.MockConfigPath;
        if (string.IsNullOrEmpty(path))
        {
            if (settings.Options.MockTestCase is not null)
            {
                throw new MockConfigurationException("--mock-test-case needs --mock-config");
            }

            return MockConfiguration.Empty;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new MockConfigurationException($"{path}: cannot read the mock configuration: {error.Message}");
        }

        return MockConfigurationParser.Parse(json, path, settings.Options.MockTestCase);
    }
}
