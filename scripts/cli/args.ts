// Flags after the command: `--name value`, `--name=value`, or a bare `--switch`.
// Each command declares its flags, so a typo is an error instead of being ignored.

import { CliError } from './error.ts';

/** Flag name → placeholder for its value (shown in messages), or null for a switch. */
export type FlagSpec = Record<string, string | null>;

/** The flags one command was given. */
export class Flags {
  readonly command: string;
  private readonly spec: FlagSpec;
  private readonly values: Map<string, string>;

  constructor(command: string, spec: FlagSpec, values: Map<string, string>) {
    this.command = command;
    this.spec = spec;
    this.values = values;
  }

  /** The value of an optional flag, or undefined when it was not given. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value of a flag the command cannot do without. */
  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new CliError(`${this.command} needs --${name} ${this.spec[name] ?? ''}`.trimEnd());
    return value;
  }

  /** Whether a flag (switch or not) was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }
}

/** Read argv (everything after the command) against the command's flag spec. */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): Flags {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument ${JSON.stringify(arg)} (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    // Object.hasOwn, so that names like --constructor are unknown rather than inherited
    if (!Object.hasOwn(spec, name)) throw new CliError(`unknown flag --${name} for ${command} (see: node scripts/cli/microgpt.ts help)`);
    if (values.has(name)) throw new CliError(`--${name} is given more than once`);
    const placeholder = spec[name];
    if (placeholder === null) {
      if (eq >= 0) throw new CliError(`--${name} takes no value`);
      values.set(name, '');
    } else if (eq >= 0) {
      values.set(name, arg.slice(eq + 1));
    } else {
      // a following flag is not a value: `--seed --out x` means the seed was forgotten
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError(`--${name} needs a value (${placeholder})`);
      values.set(name, next);
      i++;
    }
  }
  return new Flags(command, spec, values);
}
