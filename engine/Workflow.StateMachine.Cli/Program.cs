using Workflow.StateMachine.Cli;

return await AslCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
