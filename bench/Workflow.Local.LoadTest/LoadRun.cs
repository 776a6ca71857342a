using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Local.LoadTest;

/// <summary>
/// One load run: start (or target) the runtime, warm it up, submit the jobs with bounded concurrency, poll until every
/// job is final, then check that none was lost or duplicated (one stored job and one execution per submission).
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private sealed record Submission(string JobId, int Client, DateTimeOffset StartedAt, TimeSpan Latency);

    public static async Task<LoadResult> RunAsync(LoadTestOptions options)
    {
        var repo = RepoRoot.Find();
        var loadAverage = MachineDescription.LoadAverage();
        RuntimeProcess? runtime = null;
        ProcessTreeMemory? memory = null;
        try
        {
            Uri apiUrl;
            Uri? dynamoDbUrl = options.DynamoDbUrl;
            if (options.Url is { } url)
            {
                apiUrl = url;
            }
            else
            {
                Console.WriteLine("starting the local runtime...");
                runtime = await RuntimeProcess.StartAsync(repo, options.Template ?? Path.Combine(repo, "template.yaml"), TimeSpan.FromMinutes(5));
                memory = new ProcessTreeMemory(runtime.ProcessId);
                apiUrl = runtime.ApiUrl;
                dynamoDbUrl = runtime.DynamoDbUrl;
                Console.WriteLine($"runtime pid {runtime.ProcessId} at {apiUrl}");
            }

            if (dynamoDbUrl is null)
            {
                throw new InvalidOperationException("--url needs --dynamodb-url (the runtime's DynamoDB endpoint, shown in its banner) to give the load test a budget");
            }

            await BudgetSeeder.SeedAsync(dynamoDbUrl, JobsApi.CostCentre);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 8 })
            {
                BaseAddress = apiUrl,
                Timeout = TimeSpan.FromMinutes(2),
            };
            var api = new JobsApi(http);
            var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
            var tokens = new List<string>();
            for (var i = 0; i < options.Clients; i++)
            {
                tokens.Add(await api.TokenAsync($"load-{run}-{i}"));
            }

            if (options.WarmUp > 0)
            {
                Console.WriteLine($"warm-up: {options.WarmUp} jobs");
                var warmToken = await api.TokenAsync($"warmup-{run}");
                var warm = await SubmitAllAsync(api, [warmToken], options.WarmUp, options.Concurrency, $"warmup-{run}");
                await WaitForAllAsync(api, [warmToken], warm.Select(s => s.JobId).ToHashSet(), options.Deadline);
            }

            Console.WriteLine($"submitting {options.Jobs} jobs, {options.Concurrency} in flight, {options.Clients} clients");
            var submitClock = Stopwatch.StartNew();
            var submissions = await SubmitAllAsync(api, tokens, options.Jobs, options.Concurrency, $"load-{run}");
            submitClock.Stop();
            Console.WriteLine($"submitted in {submitClock.Elapsed.TotalSeconds:0.00} s; waiting for completion");
            var finished = await WaitForAllAsync(api, tokens, submissions.Select(s => s.JobId).ToHashSet(), options.Deadline);

            var problems = new List<string>();
            var ids = submissions.Select(s => s.JobId).ToList();
            if (ids.Distinct().Count() != ids.Count)
            {
                problems.Add($"{ids.Count - ids.Distinct().Count()} submissions returned an id already returned");
            }

            var listed = new List<string>();
            foreach (var token in tokens)
            {
                listed.AddRange((await api.ListAsync(token)).Select(j => j["jobId"]!.GetValue<string>()));
            }

            var missing = ids.Except(listed).Count();
            var extra = listed.Count - ids.Count + missing;
            if (missing > 0 || extra > 0)
            {
                problems.Add($"stored jobs differ from submissions: {missing} lost, {extra} unexpected");
            }

            var notSucceeded = finished.Values.Count(j => j["status"]!.GetValue<string>() != "SUCCEEDED");
            if (notSucceeded > 0)
            {
                problems.Add($"{notSucceeded} jobs did not succeed");
            }

            var stepFunctions = new StepFunctionsEndpoint(http);
            var executions = await stepFunctions.DescribeAllExecutionsAsync(await stepFunctions.StateMachineArnAsync(), 16);
            var measured = ids.ToHashSet();
            var perJob = executions
                .Select(e => (JobId: JsonNode.Parse(e["input"]!.GetValue<string>())?["jobId"]?.GetValue<string>() ?? "", Status: e["status"]!.GetValue<string>()))
                .Where(e => measured.Contains(e.JobId))
                .ToList();
            var duplicated = perJob.GroupBy(e => e.JobId).Count(g => g.Count() > 1);
            var withoutExecution = measured.Count - perJob.Select(e => e.JobId).Distinct().Count();
            if (duplicated > 0 || withoutExecution > 0 || perJob.Any(e => e.Status != "SUCCEEDED"))
            {
                problems.Add($"executions: {duplicated} jobs ran more than once, {withoutExecution} never ran, {perJob.Count(e => e.Status != "SUCCEEDED")} did not succeed");
            }

            var firstStart = submissions.Min(s => s.StartedAt);
            var completedAt = finished.ToDictionary(f => f.Key, f => DateTimeOffset.Parse(f.Value["completedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            var lastCompletion = completedAt.Values.Max();
            return new LoadResult
            {
                LoadAverageBefore = loadAverage,
                Target = options.Url is null ? "started by the load test" : options.Url.ToString(),
                Submitted = submissions.Count,
                Succeeded = finished.Count - notSucceeded,
                Executions = perJob.Count,
                SubmitDuration = submitClock.Elapsed,
                EndToEndDuration = lastCompletion - firstStart,
                SubmitLatency = new Percentiles(submissions.Select(s => s.Latency)),
                CompletionLatency = new Percentiles(submissions.Select(s => completedAt[s.JobId] - s.StartedAt)),
                HostPeakBytes = memory?.RootPeakBytes,
                TreePeakBytes = memory?.PeakTreeBytes,
                TreePeakProcesses = memory?.PeakTreeProcesses,
                Problems = problems,
            };
        }
        finally
        {
            if (memory is not null)
            {
                await memory.DisposeAsync();
            }

            if (runtime is not null)
            {
                await runtime.DisposeAsync();
            }
        }
    }

    private static async Task<List<Submission>> SubmitAllAsync(JobsApi api, IReadOnlyList<string> tokens, int count, int concurrency, string requesterPrefix)
    {
        var submissions = new ConcurrentBag<Submission>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var client = i % tokens.Count;
            var startedAt = DateTimeOffset.UtcNow;
            var (jobId, latency) = await api.SubmitAsync(tokens[client], $"{requesterPrefix}-{client}", i);
            submissions.Add(new Submission(jobId, client, startedAt, latency));
        });
        return [.. submissions];
    }

    /// <summary>Polls the clients' job lists until every job in <paramref name="jobIds"/> is final; returns them.</summary>
    private static async Task<Dictionary<string, JsonObject>> WaitForAllAsync(JobsApi api, IReadOnlyList<string> tokens, HashSet<string> jobIds, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var finished = new Dictionary<string, JsonObject>();
        while (true)
        {
            foreach (var token in tokens)
            {
                foreach (var job in await api.ListAsync(token))
                {
                    var id = job["jobId"]!.GetValue<string>();
                    if (jobIds.Contains(id) && job["status"]!.GetValue<string>() is "SUCCEEDED" or "FAILED" or "REJECTED" or "CANCELLED")
                    {
                        finished[id] = job;
                    }
                }
            }

            if (finished.Count == jobIds.Count)
            {
                return finished;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{jobIds.Count - finished.Count} of {jobIds.Count} jobs still not final after {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval);
        }
    }
}
