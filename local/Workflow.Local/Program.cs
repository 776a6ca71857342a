using Workflow.Local.Functions;
using Workflow.Local.Hosting;

// A function worker is this same program started by the host with --function-worker: it must not start the web host.
return args.Length > 0 && args[0] == FunctionWorker.Switch
    ? await FunctionWorker.RunAsync(args)
    : await CommandLine.RunAsync(args);
