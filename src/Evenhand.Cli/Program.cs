using Evenhand.Cli;

return await EvenhandCli.RunAsync(args);
