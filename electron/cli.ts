/**
 * ReviewDesk command line over core: `npm run -s cli -- <command> …`.
 * With --json only JSON goes to stdout; errors go to stderr with a non-zero exit, never a stack trace.
 */
import { commands } from './cli/commands';
import { isReviewDeskError } from './core/errors';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(
      `用法：reviewdesk <命令> [参数]\n命令：\n${Object.entries(commands)
        .map(([n, c]) => `  ${n.padEnd(12)} ${c.usage}`)
        .join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  const json = rest.includes('--json');
  const args = rest.filter((a) => a !== '--json');
  const out = await command.run(args, { json });
  process.stdout.write(json ? JSON.stringify(out) + '\n' : String(out) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const msg = isReviewDeskError(e) ? `${e.message}（${e.code}）` : `出错了：${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(msg + '\n');
    process.exit(1);
  },
);
