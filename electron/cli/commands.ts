/** Registry of CLI commands. Each command lives in its own module beside this one. */
import { checkCommand } from './check';
import { indicatorsCommand } from './indicators';
import { parseCommand } from './parse';
import { reanchorCommand } from './reanchor';
import { diffCommand } from './diff';
export interface CliCommand {
  usage: string;
  /** Returns a JSON-able value (printed as JSON with --json) or text. */
  run(args: string[], opts: { json: boolean }): Promise<unknown>;
}

export const commands: Record<string, CliCommand> = {};
commands['check'] = checkCommand;
commands['indicators'] = indicatorsCommand;
commands['parse'] = parseCommand;
commands['reanchor'] = reanchorCommand;
commands['diff'] = diffCommand;
