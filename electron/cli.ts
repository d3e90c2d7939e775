/**
 * ReviewDesk command line over core: `npm run -s cli -- <command> …`.
 * With --json only JSON goes to stdout; errors go to stderr with a non-zero exit, never a stack trace.
 */
import { commands } from './cli/commands';
import { isReviewDeskError } from './core/errors';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // the name comes from the command line: an own entry only (`constructor` is not a command)
  const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
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
  await writeAll(process.stdout, json ? JSON.stringify(out) + '\n' : String(out) + '\n');
  return 0;
}

/**
 * Resolves once the text has left the process. A pipe takes 64 KB at a time, and process.exit()
 * right after write() used to cut `parse BIG.txt --json | cat` there.
 */
function writeAll(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): Node leaves once stdout and stderr have drained.
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg = isReviewDeskError(e) ? `${e.message}（${e.code}）` : `出错了：${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(msg + '\n');
    process.exitCode = 1;
  },
);
