// Running the command line as a user runs it: a child process per command.

import { spawnSync } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const root = path.resolve(import.meta.dirname, '../../..');
export const script = path.join(root, 'scripts/cli/microgpt.ts');

/** Exit code, stdout and stderr of one command (stdout may be redirected with `stdio`). */
export function cli(args: string[], o: { stdio?: StdioOptions; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: o.cwd ?? root, encoding: 'utf8', stdio: o.stdio });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Run a command that must succeed, and return its stdout. */
export function ok(...args: string[]): string {
  const r = cli(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Check a refusal: exit code 2, nothing on stdout, one line on stderr holding `message`, no stack trace. */
export function refused(r: ReturnType<typeof cli>, message: string): void {
  expect(r.stderr).toMatch(/^microgpt: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/^\s+at |\.ts:\d+:\d+/m);
  expect(r.stderr).toContain(message);
  expect(r.stdout).toBe('');
  expect(r.status).toBe(2);
}
