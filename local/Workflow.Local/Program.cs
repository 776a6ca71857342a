return await Workflow.Local.Hosting.CommandLine.RunAsync(args);
