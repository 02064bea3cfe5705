// Starts the flowls language server for YAML documents; the server itself decides which of them
// are Kestra flows (top-level id, namespace, and tasks or triggers) and leaves the others alone.
import { execFile } from "child_process";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

const INSTALL_HINT = "python -m pip install flowls";
let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("flowls");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("flowls.restart", () => restart()),
    vscode.commands.registerCommand("flowls.showOutput", () => output.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("flowls.server")) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function restart(): Promise<void> {
  await client?.stop();
  client = undefined;
  await start();
}

async function start(): Promise<void> {
  const command = await serverCommand();
  const problem = await probe(command);
  if (problem !== undefined) {
    output.appendLine(`flowls: ${command.join(" ")} --version failed: ${problem}`);
    const choice = await vscode.window.showErrorMessage(
      `The flowls server could not start (${command.join(" ")}). Install it with \`${INSTALL_HINT}\`, ` +
        "or set flowls.server.command or flowls.server.python.",
      "Open settings",
      "Show output",
    );
    if (choice === "Open settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "flowls.server");
    } else if (choice === "Show output") {
      output.show();
    }
    return;
  }
  const serverOptions: ServerOptions = { command: command[0], args: command.slice(1) };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "untitled", language: "yaml" },
    ],
    synchronize: { configurationSection: "flowls" },
    outputChannel: output,
  };
  client = new LanguageClient("flowls", "flowls", serverOptions, clientOptions);
  await client.start();
}

/** The command that starts the server: the setting, else `python -m flowls` with the configured
 * or selected interpreter, else `flowls` on PATH. */
async function serverCommand(): Promise<string[]> {
  const settings = vscode.workspace.getConfiguration("flowls.server");
  const command = settings.get<string[]>("command", []);
  if (command.length > 0) {
    return command;
  }
  const python = settings.get<string>("python", "") || (await selectedInterpreter());
  return python ? [python, "-m", "flowls"] : ["flowls"];
}

async function selectedInterpreter(): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension("ms-python.python");
  if (extension === undefined) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    const path: string | undefined = api?.environments?.getActiveEnvironmentPath?.()?.path;
    return path || undefined;
  } catch (error) {
    output.appendLine(`flowls: could not read the selected Python interpreter: ${error}`);
    return undefined;
  }
}

/** Why `command --version` fails, or undefined when it runs. */
function probe(command: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), "--version"], { timeout: 20000 }, (error, _stdout, stderr) => {
      resolve(error ? (stderr || error.message).trim() : undefined);
    });
  });
}
