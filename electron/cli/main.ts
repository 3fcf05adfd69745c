/**
 * `preflight`: the command line over the same core as the window (see shared/CLI.md).
 *
 * Exit codes: 0 done; 1 the input or data was refused; 2 the command line is wrong.
 */
import { toErrorInfo } from '../../shared/ipc/errors';
import { createNodeCore } from '../node/node-core';
import { parseArgs, UsageError } from './args';
import { COMMANDS, CommandError, USAGE } from './commands';
import { progressPrinter } from './progress';
import { CONVERT_SWITCHES } from './convert-flags';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, new Set(['--json', '--help', '--exact', ...CONVERT_SWITCHES]));
  } catch (err) {
    process.stderr.write(`preflight: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const json = args.flags.has('--json');
  if (args.flags.has('--help') || args.positionals.length === 0) {
    (args.flags.has('--help') ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return args.flags.has('--help') ? 0 : 2;
  }
  const key = args.positionals.slice(0, 2).join(' ');
  const command = COMMANDS[key] ?? COMMANDS[args.positionals[0] ?? ''];
  if (!command) {
    process.stderr.write(`preflight: unknown command "${args.positionals.join(' ')}"\n\n${USAGE}\n`);
    return 2;
  }
  const workspace = args.flags.get('--workspace');
  let core;
  try {
    ({ core } = createNodeCore(typeof workspace === 'string' ? workspace : undefined, __dirname));
  } catch (err) {
    return fail(json, toErrorInfo(err));
  }
  const progress = progressPrinter(args.positionals.join(' '));
  try {
    const result = await command(core, args, (d, t, r) => progress.update(d, t, r));
    progress.end();
    if (json) {
      process.stdout.write(`${JSON.stringify(result.json)}\n`);
    } else {
      process.stdout.write(`${result.text.join('\n')}\n`);
    }
    return 0;
  } catch (err) {
    progress.end();
    if (err instanceof UsageError) {
      process.stderr.write(`preflight: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof CommandError) {
      return fail(json, toErrorInfo({ code: err.code, message: err.message }), err.details);
    }
    return fail(json, toErrorInfo(err));
  } finally {
    await core.close();
  }
}

function fail(json: boolean, error: { code: string; message: string }, details: Record<string, unknown> = {}): number {
  if (json) {
    process.stdout.write(`${JSON.stringify({ error, ...details })}\n`);
  } else {
    process.stderr.write(`preflight: ${error.message} [${error.code}]\n`);
  }
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
