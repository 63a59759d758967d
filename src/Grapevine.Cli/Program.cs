using Grapevine.Cli;

return await GrapevineCommand.InvokeAsync(args);
