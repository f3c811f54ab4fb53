// The Python twin (src/engine/microgpt.py) against the TypeScript engine: run with python3 as a
// reader runs it, its losses, weights and samples equal the engine's, and weights files move
// both ways. Without python3 these tests are skipped, and their names say so.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { twinTolerance } from '../../../src/facts/twin.ts';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { microgptConfig } from '../../../src/engine/config.ts';
import { FastGPT } from '../../../src/engine/fast.ts';
import type { StateDict } from '../../../src/engine/params.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { runTraining } from '../../../src/engine/run.ts';
import { generate } from '../../../src/engine/sample.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { parseWeightsText, toWeightsFile } from '../../../src/engine/weights.ts';

const twin = path.resolve(import.meta.dirname, '../../../src/engine/microgpt.py');
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const skipped = hasPython ? '' : ' (SKIPPED: python3 is not installed on this machine)';
const withPython = (name: string) => `${name}${skipped}`;

const dir = mkdtempSync(path.join(tmpdir(), 'microgpt-twin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

/** Run the twin; returns its exit code and output. */
function py(args: string[]) {
  const r = spawnSync('python3', [twin, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Dump = { losses: number[]; samples: string[]; state_dict: StateDict; config: Record<string, number>; tokenizer: { chars: string[]; bos: number } };

/** Run the twin, which must succeed, with --dump; returns the dump. */
function pyDump(args: string[]): Dump {
  const r = py([...args, '--dump', file('dump.json')]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(readFileSync(file('dump.json'), 'utf8')) as Dump;
}

/** Every entry of two state dicts, same names and shapes, within tol. */
function expectSameWeights(actual: StateDict, expected: StateDict, tol = twinTolerance) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  let worst = 0;
  for (const [name, m] of Object.entries(expected)) {
    expect(actual[name].length, name).toBe(m.length);
    m.forEach((row, r) => {
      expect(actual[name][r].length, `${name} row ${r}`).toBe(row.length);
      row.forEach((x, c) => { worst = Math.max(worst, Math.abs(actual[name][r][c] - x)); });
    });
  }
  expect(worst).toBeLessThanOrEqual(tol);
}

function expectSameLosses(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((l, i) => expect(Math.abs(l - expected[i]), `loss of step ${i + 1}`).toBeLessThanOrEqual(twinTolerance));
}

const docs = ['emma', 'olivia', 'ava', 'isabella', 'sophia', 'mia', 'amelia', 'harper'];
writeFileSync(file('names.txt'), docs.join('\n') + '\n');
const tokenizer = Tokenizer.fromDocuments(docs);
const small: GPTConfig = { vocabSize: tokenizer.vocabSize, nEmbd: 8, nHead: 2, nLayer: 2, blockSize: 8 };
const sizeFlags = (c: GPTConfig) => ['--n-embd', `${c.nEmbd}`, '--n-head', `${c.nHead}`, '--n-layer', `${c.nLayer}`, '--block-size', `${c.blockSize}`];

describe('the Python twin', () => {
  it.skipIf(!hasPython)(withPython('from the same seed, the twin’s losses and weights equal the engine’s Value path to 1e-12 (a small config, 2 layers)'), () => {
    const steps = 10; // more steps than documents, so the order wraps
    const dump = pyDump(['--data', 'names.txt', '--steps', `${steps}`, '--seed', '7', '--samples', '0', ...sizeFlags(small)]);
    const ts = runTraining({ docs, tokenizer, config: small, seed: 7, numSteps: steps, engine: 'value' });
    expectSameLosses(dump.losses, ts.losses);
    expectSameWeights(dump.state_dict, ts.stateDict);
  });

  it.skipIf(!hasPython)(withPython('from the same seed with microgpt’s default config, the losses and weights equal the engine’s'), () => {
    const config = microgptConfig(tokenizer.vocabSize);
    const dump = pyDump(['--data', 'names.txt', '--steps', '3', '--seed', '42', '--samples', '0']);
    const ts = runTraining({ docs, tokenizer, config, seed: 42, numSteps: 3, engine: 'value' });
    expectSameLosses(dump.losses, ts.losses);
    expectSameWeights(dump.state_dict, ts.stateDict);
    expect(dump.config).toEqual(toWeightsFile({ config, tokenizer, stateDict: ts.stateDict }).config);
  });

  it.skipIf(!hasPython)(withPython('from given initial weights (a file the engine wrote), the losses and weights equal the engine’s'), () => {
    const init = initStateDict(small, new Random(2024)); // not the seed's own weights
    writeFileSync(file('init.json'), JSON.stringify(toWeightsFile({ config: small, tokenizer, stateDict: init })));
    const dump = pyDump(['--data', 'names.txt', '--steps', '6', '--seed', '3', '--init', 'init.json', '--samples', '0']);
    const ts = runTraining({ docs, tokenizer, config: small, seed: 3, numSteps: 6, engine: 'value', stateDict: init });
    expectSameLosses(dump.losses, ts.losses);
    expectSameWeights(dump.state_dict, ts.stateDict);
  });

  it.skipIf(!hasPython)(withPython('sampling from a weights file with a seed gives the engine’s names'), () => {
    const trained = runTraining({ docs, tokenizer, config: small, seed: 11, numSteps: 20 });
    writeFileSync(file('trained.json'), JSON.stringify(toWeightsFile({ config: small, tokenizer, stateDict: trained.stateDict })));
    for (const [temperature, seed] of [[0.5, 5], [1, 9], [0, 1]]) {
      const dump = pyDump(['--weights', 'trained.json', '--seed', `${seed}`, '--samples', '12', '--temperature', `${temperature}`]);
      const model = new FastGPT(small, trained.stateDict);
      const rng = new Random(seed);
      const names = Array.from({ length: 12 }, () => generate(model, tokenizer, rng, { temperature }).text);
      expect(dump.samples, `temperature ${temperature}, seed ${seed}`).toEqual(names);
    }
    // and what it prints is those names, one a line
    const r = py(['--weights', 'trained.json', '--seed', '5', '--samples', '3']);
    const rng = new Random(5);
    const model = new FastGPT(small, trained.stateDict);
    expect(r.stdout).toBe(Array.from({ length: 3 }, () => generate(model, tokenizer, rng, { temperature: 0.5 }).text).join('\n') + '\n');
  });

  it.skipIf(!hasPython)(withPython('a weights file the twin writes is read by the engine, and one the engine writes is read by the twin'), () => {
    const dump = pyDump(['--data', 'names.txt', '--steps', '4', '--seed', '8', '--samples', '0', '--out', 'py.json', ...sizeFlags(small)]);
    const read = parseWeightsText(readFileSync(file('py.json'), 'utf8'));
    expect(read.config).toEqual(small);
    expect(read.tokenizer.chars).toEqual(tokenizer.chars);
    expect(read.tokenizer.bos).toBe(tokenizer.bos);
    expect(read.stateDict).toEqual(dump.state_dict); // exactly: both write the shortest digits that read back the same double

    // the engine's file, read by the twin and written back unchanged
    writeFileSync(file('ts.json'), JSON.stringify(toWeightsFile(read)));
    const back = pyDump(['--weights', 'ts.json', '--samples', '0']);
    expect(back.state_dict).toEqual(read.stateDict);
    expect(back.tokenizer).toEqual({ chars: [...tokenizer.chars], bos: tokenizer.bos });
  });

  it.skipIf(!hasPython)(withPython('bad input: one line naming the problem, exit code 2, no traceback'), () => {
    writeFileSync(file('broken.json'), '{"config": ');
    writeFileSync(file('blank.txt'), '  \n\n');
    const cases: [string[], string][] = [
      [['--data', 'missing.txt'], 'cannot read missing.txt'],
      [['--data', 'blank.txt'], 'has no documents'],
      [['--steps', 'ten'], '--steps: must be a positive integer'],
      [['--weights', 'broken.json'], 'is not valid JSON'],
      [['--data', 'names.txt', '--n-embd', '6', '--n-head', '4'], 'must be divisible'],
      [['--nope'], 'unrecognized arguments: --nope'],
    ];
    for (const [args, message] of cases) {
      const r = py(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^microgpt\.py: [^\n]+\n$/);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain('Traceback');
    }
  });
});
