// The command line, run as a user runs it: a child process per command, files in a temp dir.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Weights } from '../../../src/engine/index.ts';
import { FastGPT, FastTrainer, Random, Tokenizer, initStateDict, parseDocuments, parseWeightsText, trainingOrder } from '../../../src/engine/index.ts';
import { run } from '../../../scripts/cli/cli.ts';
import { ok, refused, cli as runCli } from './cli-run.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microgpt-cli-'));
const file = (name: string) => path.join(dir, name);

const cli = (...args: string[]) => runCli(args);

const readWeights = (p: string): Weights => parseWeightsText(fs.readFileSync(p, 'utf8'));

/** Mean loss of the model over documents. */
function meanLoss(w: Weights, docs: string[]): number {
  const model = new FastGPT(w.config, w.stateDict);
  return docs.reduce((sum, d) => sum + model.loss(w.tokenizer.encodeDocument(d)), 0) / docs.length;
}

// a dataset small enough that a few steps visibly help; the blank line must be skipped
const tinyText = 'emma\nolivia\n\nava\nisabella\nsophia\nmia\n';
const tinyDocs = parseDocuments(tinyText);
const tiny = ['--n-embd', '8', '--n-head', '2', '--block-size', '8'];
const data = file('tiny.txt');
const model = file('model.json'); // tiny config, trained a little: for sample and score
const neverDir = file('never'); // every failing command writes under here; it must never appear
const out = path.join(neverDir, 'out.json');

beforeAll(() => {
  fs.writeFileSync(data, tinyText);
  fs.writeFileSync(file('blank.txt'), '\n   \n\n');
  fs.writeFileSync(file('upper.txt'), 'emma\nAVA\n');
  fs.writeFileSync(file('not-json.json'), '{"config": {\n oops');
  fs.writeFileSync(file('empty-object.json'), '{}');
  fs.writeFileSync(file('binary.bin'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]));
  ok('init', '--seed', '1', '--data', data, ...tiny, '--out', file('tiny-init.json'));
  ok('train', '--init', file('tiny-init.json'), '--data', data, '--steps', '40', '--out', model);
  const w = JSON.parse(fs.readFileSync(model, 'utf8'));
  w.state_dict.wte.pop();
  fs.writeFileSync(file('bad-shape.json'), JSON.stringify(w));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('microgpt init', () => {
  it('writes a valid weights file with 4,192 parameters for the default data', () => {
    const stdout = ok('init', '--seed', '42', '--out', file('default-init.json'));
    expect(stdout).toBe(`wrote ${file('default-init.json')}: 4,192 parameters, vocab 27 (26 characters + BOS)\n`);
    const w = readWeights(file('default-init.json'));
    expect(w.config).toEqual({ vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16 });
    expect(w.tokenizer.chars.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('takes the vocabulary from a --data file and the sizes from flags, drawing weights after the shuffle', () => {
    fs.mkdirSync(file('sub/dir'), { recursive: true });
    ok('init', '--seed', '7', '--data', data, ...tiny, '--n-layer', '2', '--out', file('sub/dir/init.json'));
    const w = readWeights(file('sub/dir/init.json'));
    const tokenizer = Tokenizer.fromDocuments(tinyDocs);
    expect(w.tokenizer.chars).toEqual(tokenizer.chars);
    expect(w.config).toEqual({ vocabSize: tokenizer.vocabSize, nEmbd: 8, nHead: 2, nLayer: 2, blockSize: 8 });
    const rng = new Random(7);
    trainingOrder(tinyDocs, rng);
    expect(w.stateDict).toEqual(initStateDict(w.config, rng));
  });
});

describe('microgpt train', () => {
  it('lowers the loss on the training documents', () => {
    ok('init', '--seed', '3', '--data', data, '--out', file('before.json'));
    ok('train', '--seed', '3', '--data', data, '--steps', '30', '--out', file('after.json'));
    const before = meanLoss(readWeights(file('before.json')), tinyDocs);
    const after = meanLoss(readWeights(file('after.json')), tinyDocs);
    expect(after).toBeLessThan(before - 0.2);
  });

  it('prints every step of a short run in microgpt.py format, then a summary', () => {
    const lines = ok('train', '--seed', '1', '--data', data, ...tiny, '--steps', '3', '--out', file('short.json')).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^step    1 \/    3 \| loss \d\.\d{4}$/);
    expect(lines[2]).toMatch(/^step    3 \/    3 \| loss \d\.\d{4}$/);
    expect(lines[3]).toMatch(/^done: 3 steps in \d+\.\ds \| first loss \d\.\d{4} \| final loss \d\.\d{4} \| mean of last 3 \d\.\d{4} \| wrote .*short\.json$/);
  });

  it('prints about twenty step lines for a long run, always including the first and last', () => {
    const lines = ok('train', '--seed', '1', '--data', data, ...tiny, '--steps', '201', '--out', file('long.json')).trimEnd().split('\n');
    const steps = lines.slice(0, -1).map((l) => Number(l.match(/^step +(\d+) \//)![1]));
    expect(steps).toEqual([1, ...Array.from({ length: 20 }, (_, i) => 10 * (i + 1)), 201]);
    expect(lines.at(-1)).toMatch(/mean of last 100 /);
  });

  it('gives the same weights bit for bit from --init as from --seed with the same seed', () => {
    ok('init', '--seed', '7', '--data', data, '--out', file('seven.json'));
    ok('train', '--seed', '7', '--data', data, '--steps', '5', '--out', file('from-seed.json'));
    ok('train', '--init', file('seven.json'), '--seed', '7', '--data', data, '--steps', '5', '--out', file('from-init.json'));
    expect(fs.readFileSync(file('from-init.json'), 'utf8')).toBe(fs.readFileSync(file('from-seed.json'), 'utf8'));
  });

  it('shuffles with seed 42 when --init is given without --seed', () => {
    ok('init', '--seed', '42', '--data', data, '--out', file('forty-two.json'));
    ok('train', '--seed', '42', '--data', data, '--steps', '3', '--out', file('a42.json'));
    ok('train', '--init', file('forty-two.json'), '--data', data, '--steps', '3', '--out', file('b42.json'));
    expect(fs.readFileSync(file('b42.json'), 'utf8')).toBe(fs.readFileSync(file('a42.json'), 'utf8'));
  });

  it('trains on the lines in file order with --no-shuffle, from the same initial weights as init --seed', () => {
    ok('train', '--seed', '5', '--data', data, '--steps', '1', '--no-shuffle', '--out', file('unshuffled.json'));
    const tokenizer = Tokenizer.fromDocuments(tinyDocs);
    const config = readWeights(file('unshuffled.json')).config;
    const rng = new Random(5);
    rng.shuffle(tinyDocs.slice()); // the seed's stream draws the shuffle first, as microgpt.py does
    const trainer = new FastTrainer({ config, stateDict: initStateDict(config, rng), numSteps: 1 });
    trainer.step(tokenizer.encodeDocument(tinyDocs[0]));
    expect(readWeights(file('unshuffled.json')).stateDict).toEqual(trainer.stateDict());
  });

  it('gives the same weights with --engine value as with --engine fast', () => {
    const common = ['--init', file('tiny-init.json'), '--data', data, '--steps', '2'];
    ok('train', ...common, '--engine', 'fast', '--out', file('fast.json'));
    ok('train', ...common, '--engine', 'value', '--out', file('value.json'));
    const fast = readWeights(file('fast.json')).stateDict;
    const value = readWeights(file('value.json')).stateDict;
    for (const name of Object.keys(fast)) {
      fast[name].forEach((row, r) => row.forEach((x, c) => expect(Math.abs(x - value[name][r][c])).toBeLessThan(1e-9)));
    }
  });
});

describe('microgpt sample', () => {
  it('prints n names, one per line, and the same ones for the same seed', () => {
    const a = ok('sample', '--model', model, '--n', '7', '--seed', '3');
    expect(a.split('\n')).toHaveLength(8); // seven lines, each ending in \n
    expect(a.endsWith('\n')).toBe(true);
    expect(ok('sample', '--model', model, '--n', '7', '--seed', '3')).toBe(a);
    expect(ok('sample', '--model', model).split('\n')).toHaveLength(21);
  });

  it('is deterministic at temperature 0 whatever the seed', () => {
    const a = ok('sample', '--model', model, '--n', '3', '--temperature', '0', '--seed', '1');
    expect(ok('sample', '--model', model, '--n', '3', '--temperature', '0', '--seed', '2')).toBe(a);
    expect(new Set(a.trimEnd().split('\n')).size).toBe(1);
  });

  it('starts every name with --prefix', () => {
    const lines = ok('sample', '--model', model, '--n', '5', '--prefix', 'is', '--top-k', '3', '--top-p', '0.9').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line.startsWith('is')).toBe(true);
  });
});

describe('microgpt score', () => {
  it('prints one JSON object whose loss is FastGPT.loss and whose probabilities are in (0, 1]', () => {
    const stdout = ok('score', '--model', model, '--doc', 'ava');
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    const w = readWeights(model);
    expect(result.doc).toBe('ava');
    expect(result.loss).toBe(new FastGPT(w.config, w.stateDict).loss(w.tokenizer.encodeDocument('ava')));
    expect(result.positions.map((p: { input: string; target: string }) => p.input + '>' + p.target)).toEqual(['BOS>a', 'a>v', 'v>a', 'a>BOS']);
    const ps: number[] = result.positions.map((p: { p: number }) => p.p);
    for (const p of ps) expect(p > 0 && p <= 1).toBe(true);
    expect(result.loss).toBeCloseTo(-ps.reduce((s, p) => s + Math.log(p), 0) / ps.length, 12);
  });

  it('scores only block_size positions of a long document', () => {
    const result = JSON.parse(ok('score', '--model', model, '--doc', 'isabellamia'));
    expect(result.positions).toHaveLength(8);
    expect(result.positions.map((p: { pos: number }) => p.pos)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('microgpt help', () => {
  it.each([[[]], [['help']], [['--help']], [['train', '--help']]])('prints the usage and exits 0 for %j', (args) => {
    const r = cli(...args);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^microgpt: .*\n\nusage: /);
  });
});

describe('bad input', () => {
  const train = ['train', '--seed', '1', '--data', data, '--steps', '1', '--out', out];
  const cases: [string, string[], string][] = [
    ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
    ['an unknown flag', ['init', '--seed', '1', '--sed', '2', '--out', out], 'unknown flag --sed for init'],
    ['a stray argument', ['init', 'seed', '1'], 'unexpected argument "seed"'],
    ['a flag given twice', [...train, '--steps', '2'], '--steps is given more than once'],
    ['a value on a switch', [...train, '--no-shuffle=yes'], '--no-shuffle takes no value'],
    ['a missing --seed for init', ['init', '--out', out], 'init needs --seed N'],
    ['a missing --out', ['init', '--seed', '1'], 'init needs --out FILE'],
    ['neither --init nor --seed for train', ['train', '--steps', '1', '--out', out], 'train needs --init FILE or --seed N'],
    ['a missing --steps', ['train', '--seed', '1', '--out', out], 'train needs --steps N'],
    ['a missing --model', ['sample'], 'sample needs --model FILE'],
    ['a missing --doc', ['score', '--model', model], 'score needs --doc TEXT'],
    ['a flag with no value at the end', ['init', '--out', out, '--seed'], '--seed needs a value'],
    ['a flag followed by another flag', ['init', '--seed', '--out', out], '--seed needs a value'],
    ['a missing --data file', ['init', '--seed', '1', '--data', file('nope.txt'), '--out', out], 'no such file'],
    ['a --data that is a directory', ['init', '--seed', '1', '--data', dir, '--out', out], 'it is a directory'],
    ['a missing --model file', ['sample', '--model', file('nope.json')], `cannot read --model ${file('nope.json')}: no such file`],
    ['a missing --init file', ['train', '--init', file('nope.json'), '--steps', '1', '--out', out], 'cannot read --init'],
    ['a model that is not JSON', ['sample', '--model', file('not-json.json')], 'is not a usable weights file: not valid JSON'],
    ['JSON that is not a weights file', ['score', '--model', file('empty-object.json'), '--doc', 'a'], 'the weights file has no "config" object'],
    ['shapes that contradict the config', ['sample', '--model', file('bad-shape.json')], 'state_dict.wte must have'],
    ['--data characters outside the vocabulary', ['train', '--init', model, '--data', file('upper.txt'), '--steps', '1', '--out', out], `outside the model's vocabulary: "A", "V" (first in "AVA")`],
    ['--doc characters outside the vocabulary', ['score', '--model', model, '--doc', 'Emma!'], `--doc has characters outside the model's vocabulary: "E", "!"`],
    ['--prefix characters outside the vocabulary', ['sample', '--model', model, '--prefix', 'z'], `--prefix has characters outside the model's vocabulary: "z"`],
    ['an empty dataset', ['init', '--seed', '1', '--data', file('blank.txt'), '--out', out], 'has no documents'],
    ['an empty --doc', ['score', '--model', model, '--doc', ''], '--doc is empty'],
    ['a prefix as long as block_size', ['sample', '--model', model, '--prefix', 'emmaemma'], '--prefix must be shorter than block_size (8 characters), got 8'],
    ['--steps 0', ['train', '--seed', '1', '--steps', '0', '--out', out], '--steps must be an integer from 1 to 1,000,000, got "0"'],
    ['a --steps that would run for days', ['train', '--seed', '1', '--steps', '9007199254740991', '--out', out], '--steps must be an integer from 1 to 1,000,000'],
    ['a fractional --steps', ['train', '--seed', '1', '--steps', '1.5', '--out', out], '--steps must be an integer'],
    ['a non-numeric --steps', ['train', '--seed', '1', '--steps', 'ten', '--out', out], '--steps must be an integer'],
    ['--lr 0', [...train, '--lr', '0'], '--lr must be a finite number > 0'],
    ['a negative --lr', [...train, '--lr', '-0.01'], '--lr must be a finite number > 0'],
    ['--lr nan', [...train, '--lr', 'nan'], '--lr must be a finite number > 0'],
    ['--lr Infinity', [...train, '--lr', 'Infinity'], '--lr must be a finite number > 0'],
    ['a negative --seed', ['init', '--seed', '-1', '--out', out], '--seed must be a non-negative integer, got "-1"'],
    ['a fractional --seed', ['sample', '--model', model, '--seed', '1.5'], '--seed must be a non-negative integer'],
    ['a --seed beyond 2^53', ['init', '--seed', '9007199254740992', '--out', out], '--seed must be a non-negative integer'],
    ['--n 0', ['sample', '--model', model, '--n', '0'], '--n must be an integer from 1 to 10000'],
    ['--n 10001', ['sample', '--model', model, '--n', '10001'], '--n must be an integer from 1 to 10000'],
    ['a negative --temperature', ['sample', '--model', model, '--temperature', '-0.5'], '--temperature must be a number ≥ 0'],
    ['a non-numeric --temperature', ['sample', '--model', model, '--temperature', 'hot'], '--temperature must be a number ≥ 0'],
    ['--top-k 0', ['sample', '--model', model, '--top-k', '0'], '--top-k must be an integer ≥ 1'],
    ['a fractional --top-k', ['sample', '--model', model, '--top-k', '2.5'], '--top-k must be an integer ≥ 1'],
    ['--top-p 0', ['sample', '--model', model, '--top-p', '0'], '--top-p must be a number in (0, 1]'],
    ['--top-p above 1', ['sample', '--model', model, '--top-p', '1.5'], '--top-p must be a number in (0, 1]'],
    ['--n-embd 0', ['init', '--seed', '1', '--n-embd', '0', '--out', out], '--n-embd must be a positive integer'],
    ['--n-layer 0', ['init', '--seed', '1', '--n-layer', '0', '--out', out], '--n-layer must be a positive integer'],
    ['a non-numeric --block-size', ['init', '--seed', '1', '--block-size', 'x', '--out', out], '--block-size must be a positive integer'],
    ['--n-embd not divisible by --n-head', ['init', '--seed', '1', '--n-head', '3', '--out', out], '--n-embd (16) must be divisible by --n-head (3)'],
    ['a size flag with --init', ['train', '--init', model, '--steps', '1', '--n-embd', '8', '--out', out], '--n-embd cannot be used with --init'],
    ['an unknown --engine', [...train, '--engine', 'gpu'], '--engine must be fast or value, got "gpu"'],
    ['sizes too large to hold in memory', ['init', '--seed', '1', '--block-size', '100000000000', '--out', out], 'parameters; the limit is 2,000,000'],
    ['an empty --out', ['init', '--seed', '1', '--data', data, '--out', ''], '--out needs a file name'],
    ['an --out that is a device', ['init', '--seed', '1', '--data', data, '--out', '/dev/null'], 'cannot write --out /dev/null: it is not a regular file'],
    ['a binary --data file', ['init', '--seed', '1', '--data', file('binary.bin'), '--out', out], 'is not UTF-8 text'],
    ['an --out that is a directory', ['init', '--seed', '1', '--data', data, '--out', dir], `cannot write --out ${dir}: it is a directory`],
  ];

  it.each(cases)('rejects %s with exit code 2 and one line on stderr, no stack trace', (_, args, message) => {
    refused(cli(...args), message);
  });

  it('never creates the --out of a failed command', () => {
    expect(fs.existsSync(neverDir)).toBe(false);
  });

  it('reports an unexpected error as one internal-error line with exit code 1', async () => {
    const lines: string[] = [];
    const io = { out: () => { throw new Error('disk on\nfire'); }, progress: null };
    expect(await run(['help'], io, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual(['microgpt: internal error: disk on fire']);
  });
});
