using Workflow.Local.LoadTest;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadTestOptions.Usage);
    return 2;
}

try
{
    var result = await LoadRun.RunAsync(options);
    var section = LoadReport.Markdown(options, result);
    Console.WriteLine(section);
    if (options.WriteBenchmarks is { } path)
    {
        BenchmarksFile.WriteSection(path, section);
        Console.WriteLine($"wrote the '{BenchmarksFile.Heading}' section of {path}");
    }

    return result.Problems.Count == 0 ? 0 : 1;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or FileNotFoundException)
{
    Console.Error.WriteLine("load test failed: " + ex.Message);
    return 1;
}
