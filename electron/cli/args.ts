/**
 * Parsing the command line (pure): flags may come anywhere, as in `CLI.md`.
 */

import { CONVERT_VALUE_FLAGS } from './convert-flags';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Flags that take a value; every other `--x` is a switch. */
const VALUE_FLAGS = new Set([
  '--workspace',
  '--module',
  '--template',
  '--against',
  '--operation',
  '--find-by',
  '--out',
  '--batch',
  '--encoding',
  '--delimiter',
  '--api-version',
  '--callback-url',
  '--ignore-empty',
  '--export',
  ...CONVERT_VALUE_FLAGS,
]);

export class UsageError extends Error {}

/** Splits argv into positionals and flags; an unknown or incomplete flag is a UsageError. */
export function parseArgs(argv: readonly string[], switches: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
        if (value === undefined || (eq < 0 && value.startsWith('--'))) {
          throw new UsageError(`${name} needs a value`);
        }
        flags.set(name, value);
        if (eq < 0) {
          i += 1;
        }
      } else if (switches.has(name)) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option ${name}`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, flags };
}
