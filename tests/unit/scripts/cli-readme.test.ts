// The README's command-line examples, run as written in a fresh directory (holding only a link
// to scripts/), each against the output the README shows for it.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './cli-run.ts';

type Example = { command: string; expected: string[] };

/** The commands of the sh block under "## The command line", each with the `#>` lines after it. */
function examples(): Example[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The command line'));
  const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('\n```', section.indexOf('```sh\n')));
  const list: Example[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('#>')) list[list.length - 1].expected.push(line.slice(3));
    else if (line.trim() !== '' && !line.startsWith('#')) list.push({ command: line, expected: [] });
  }
  return list;
}

/** The README's shown output as a pattern: `…` stands for any text, a line of only `…` for any lines. */
function pattern(lines: string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = lines.map((l) => (l === '…' ? '(?:[^\\n]*\\n)*?' : escape(l).replaceAll('…', '[^\\n]*') + '\\n')).join('');
  return new RegExp(`^${body}$`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microgpt-readme-'));
fs.symlinkSync(path.join(root, 'scripts'), path.join(dir, 'scripts'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the README's command-line examples", () => {
  const list = examples();

  it('are there, with the output of every microgpt command shown', () => {
    expect(list.length).toBeGreaterThanOrEqual(6);
    for (const e of list) if (e.command.includes('microgpt.ts')) expect(e.expected.length, e.command).toBeGreaterThan(0);
  });

  it.each(list.map((e) => [e.command, e]))('run as written: %s', (_, e) => {
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
    const r = spawnSync('bash', ['-c', e.command], { cwd: dir, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(pattern(e.expected));
  });
});
