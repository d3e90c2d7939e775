/** Registry of CLI commands. Each command lives in its own module beside this one. */
export interface CliCommand {
  usage: string;
  /** Returns a JSON-able value (printed as JSON with --json) or text. */
  run(args: string[], opts: { json: boolean }): Promise<unknown>;
}

export const commands: Record<string, CliCommand> = {};
