using ActorTrader.Cli;

return await CliApp.RunAsync(args, CliContext.FromProcess()).ConfigureAwait(false);
