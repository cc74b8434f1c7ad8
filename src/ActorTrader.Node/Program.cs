using ActorTrader.Node.Hosting;

return await NodeHost.RunAsync(args, TimeProvider.System).ConfigureAwait(false);
