using System.Text;
using Workflow.Host.Cli;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
return WorkflowCommandLine.Run(args, Console.Out, Console.Error);
