// The command line against hostile input: it never loses data, never prints a stack trace,
// and refuses what it cannot do before doing any of it. Every case runs the real CLI on temporary files.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterCount, parseWeightsText } from '../../../src/engine/index.ts';
import { maxParameters, parameterTotal } from '../../../scripts/cli/config.ts';
import { firstNonUtf8Byte, maxInputBytes } from '../../../scripts/cli/files.ts';
import { cli, ok, refused, script } from './cli-run.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microgpt-hard-'));
const file = (name: string) => path.join(dir, name);
const data = file('names.txt');
const model = file('model.json');
const tiny = ['--n-embd', '8', '--n-head', '2', '--block-size', '8'];
const isRoot = process.getuid?.() === 0;

/** The files in the temp dir: a failed or finished write must leave no temporary file behind. */
const listing = () => fs.readdirSync(dir).sort();

beforeAll(() => {
  fs.writeFileSync(data, 'emma\nolivia\nava\nisabella\nsophia\nmia\n');
  ok('train', '--seed', '1', '--data', data, ...tiny, '--steps', '20', '--out', model);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('training that diverges', () => {
  it('stops at the first non-finite loss, names the step, suggests a smaller --lr, and leaves an existing --out untouched', () => {
    const out = file('kept.json');
    fs.writeFileSync(out, 'the old weights\n');
    const before = listing();
    const r = cli(['train', '--seed', '1', '--data', data, '--steps', '50', '--lr', '1e308', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('microgpt: training diverged at step 2 (the loss is no longer finite); try a smaller --lr\n');
    expect(r.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^step {4}1 \/ {3}50 \| loss \d\.\d{4}$/)]);
    expect(fs.readFileSync(out, 'utf8')).toBe('the old weights\n');
    expect(listing()).toEqual(before);
  });
  it('also stops when the last step leaves the weights non-finite though every loss was finite', () => {
    const out = file('kept.json');
    const r = cli(['train', '--seed', '1', '--steps', '2', '--lr', '1e300', '--out', out]); // the default names
    expect(r.stderr).toMatch(/^microgpt: training diverged at step 2 \(\S+ is no longer finite\); try a smaller --lr\n$/);
    expect(r.status).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('the old weights\n');
  });
});

describe('--out', () => {
  it('is replaced by a rename: a hard link to the old file keeps the old content, the mode is kept, no temporary file stays', () => {
    const out = file('linked.json');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    fs.linkSync(out, file('old-link.json'));
    const before = listing();
    ok('init', '--seed', '2', '--data', data, ...tiny, '--out', out);
    expect(fs.readFileSync(file('old-link.json'), 'utf8')).toBe('old');
    expect(fs.statSync(out).ino).not.toBe(fs.statSync(file('old-link.json')).ino);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(parseWeightsText(fs.readFileSync(out, 'utf8')).config.nEmbd).toBe(8);
    expect(listing()).toEqual(before);
  });

  it('writes through a symbolic link to a file, which stays a link', () => {
    fs.writeFileSync(file('real.json'), 'old');
    fs.symlinkSync(file('real.json'), file('link.json'));
    ok('init', '--seed', '2', '--data', data, ...tiny, '--out', file('link.json'));
    expect(fs.lstatSync(file('link.json')).isSymbolicLink()).toBe(true);
    expect(parseWeightsText(fs.readFileSync(file('real.json'), 'utf8')).config.blockSize).toBe(8);
  });

  it('refuses a FIFO, leaving it a FIFO', () => {
    const fifo = file('fifo');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: the device case below covers non-regular files
    refused(cli(['init', '--seed', '1', '--data', data, '--out', fifo]), `cannot write --out ${fifo}: it is not a regular file`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  const init = (out: string, ...more: string[]) => cli(['init', '--seed', '1', '--data', data, ...more, '--out', out]);
  const train = (out: string) => cli(['train', '--seed', '1', '--data', data, '--steps', '5', '--out', out]);

  it.each([
    ['a device', '/dev/null', 'it is not a regular file'],
    ['a symbolic link to nothing', 'dangling', 'it is a symbolic link to a file that does not exist'],
    ['the --data file', 'names.txt', 'it is the --data file'],
    ['the --data file through a link', 'data-link', 'it is the --data file'],
    ['a missing directory', 'no/such/dir/out.json', 'does not exist'],
    ['a file used as a directory', 'names.txt/out.json', 'a part of the path is a file, not a directory'],
    ['a directory', '.', 'it is a directory'],
    ['a directory no one may create files in, even root', '/sys/microgpt-out.json', 'cannot write --out /sys/microgpt-out.json: permission denied'],
  ])('refuses %s before training starts, with the reason', (_, name, message) => {
    if (name === 'dangling' && !fs.existsSync(file('dangling'))) fs.symlinkSync(file('nothing-here'), file('dangling'));
    if (name === 'data-link' && !fs.existsSync(file('data-link'))) fs.symlinkSync(data, file('data-link'));
    const out = name.startsWith('/') ? name : file(name);
    const before = fs.readFileSync(data, 'utf8');
    refused(train(out), message); // no step line on stdout: refused before the first step
    refused(init(out), message);
    expect(fs.readFileSync(data, 'utf8')).toBe(before);
  });

  // as root every file and directory is writable, so only a non-root run can see these refused
  it.skipIf(isRoot)('refuses a directory or a file without write permission', () => {
    fs.mkdirSync(file('locked'));
    fs.writeFileSync(file('read-only.json'), 'old');
    fs.chmodSync(file('locked'), 0o555);
    fs.chmodSync(file('read-only.json'), 0o444);
    refused(train(file('locked/out.json')), 'permission denied');
    refused(train(file('read-only.json')), 'permission denied');
    expect(fs.readFileSync(file('read-only.json'), 'utf8')).toBe('old');
    fs.chmodSync(file('locked'), 0o755);
  });
});

describe('standard output', () => {
  it('that fails (> /dev/full) exits 2 with one line, and train writes no weights', () => {
    const full = fs.openSync('/dev/full', 'w');
    const out = file('full.json');
    const r = cli(['train', '--seed', '1', '--data', data, '--steps', '5', '--out', out], { stdio: ['ignore', full, 'pipe'] });
    fs.closeSync(full);
    expect(r.stderr).toBe('microgpt: cannot write to standard output: no space left on device\n');
    expect(r.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('that is closed early (| head -1) ends quietly', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${script}" sample --model "${model}" --n 10000 | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('status 0\n');
  });
});

describe('sizes', () => {
  it.each([
    ['--n-layer', ['--n-layer', '1000000000000'], 'parameters; the limit is 2,000,000'],
    ['--n-embd', ['--n-embd', '100000', '--n-head', '1'], 'parameters; the limit is 2,000,000'],
    ['--block-size', ['--block-size', '100000'], 'MiB of memory to run; the limit is 256 MiB'],
    ['--block-size with few parameters', ['--n-embd', '1', '--n-head', '1', '--block-size', '30000'], 'MiB of memory to run'],
  ])('refuses an absurd %s up front', (_, sizes, message) => {
    refused(cli(['init', '--seed', '1', '--data', data, ...sizes, '--out', file('big.json')]), message);
    refused(cli(['train', '--seed', '1', '--data', data, ...sizes, '--steps', '1', '--out', file('big.json')]), message);
  });

  it('refuses the Value path for a model too large for its graph', () => {
    refused(cli(['train', '--seed', '1', '--data', data, '--n-embd', '128', '--steps', '1', '--engine', 'value', '--out', file('v.json')]), '--engine value');
  });

  it('refuses a weights file whose sizes are absurd, at once', () => {
    const w = JSON.parse(fs.readFileSync(model, 'utf8'));
    w.config.n_layer = 1e12;
    fs.writeFileSync(file('absurd.json'), JSON.stringify(w));
    refused(cli(['sample', '--model', file('absurd.json')]), `the sizes in --model ${file('absurd.json')} make 768,000,000,000,256 parameters`);
    w.config.n_layer = 1e300; // an integer to JavaScript, though not a safe one
    fs.writeFileSync(file('absurd.json'), JSON.stringify(w));
    refused(cli(['sample', '--model', file('absurd.json')]), 'make 7.7e+302 parameters; the limit is 2,000,000');
  });

  it('counts parameters as the engine does', () => {
    for (const c of [{ vocabSize: 27, nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16 }, { vocabSize: 5, nEmbd: 6, nHead: 3, nLayer: 3, blockSize: 7 }]) {
      expect(parameterTotal(c)).toBe(parameterCount(c));
    }
  });

  it('reads back every weights file it can write: the largest fits the input limit', () => {
    // JSON.stringify writes a double in at most 24 characters ("-1.2345678901234567e-308"), then a comma or bracket
    expect(JSON.stringify(-1.2345678901234567e-308)).toHaveLength(24);
    expect(maxParameters * 27 + 10_000).toBeLessThan(maxInputBytes);
  });

  it('reads back a model of a non-default config in sample, score and train --init', () => {
    const odd = file('odd.json');
    ok('init', '--seed', '4', '--data', data, '--n-embd', '6', '--n-head', '3', '--n-layer', '3', '--block-size', '5', '--out', odd);
    const trained = file('odd-trained.json');
    ok('train', '--init', odd, '--data', data, '--steps', '3', '--out', trained);
    const w = parseWeightsText(fs.readFileSync(trained, 'utf8'));
    expect(w.config).toEqual({ vocabSize: w.tokenizer.vocabSize, nEmbd: 6, nHead: 3, nLayer: 3, blockSize: 5 });
    expect(ok('sample', '--model', trained, '--n', '3').trimEnd().split('\n')).toHaveLength(3);
    expect(JSON.parse(ok('score', '--model', trained, '--doc', 'emma')).positions).toHaveLength(5);
  });
});

describe('input files', () => {
  const init = (dataPath: string) => cli(['init', '--seed', '1', '--data', dataPath, '--out', file('in.json')]);

  it('refuses a file over the size limit by its size, without reading it', () => {
    fs.writeFileSync(file('huge.txt'), '');
    fs.truncateSync(file('huge.txt'), maxInputBytes + 1); // sparse: no bytes on disk
    refused(init(file('huge.txt')), 'is larger than the limit of 64 MiB');
  });

  it('reads an endless device only up to the limit', () => {
    refused(init('/dev/zero'), '--data /dev/zero is larger than the limit of 64 MiB');
  });

  it.each([
    ['Latin-1', Buffer.from('emma\nzo\xeb\n', 'latin1'), 'line 2 has the byte 0xEB'],
    ['UTF-16 with its byte-order mark', Buffer.from('\ufeffemma\nava\n', 'utf16le'), 'line 1 has the byte 0xFF'],
    ['binary', Buffer.from([0x61, 0x0a, 0x0d, 0x0a, 0x62, 0x0d, 0x63, 0xc3, 0x28]), 'line 4 has the byte 0xC3'],
    ['a truncated character at the end', Buffer.from([0x61, 0xe2, 0x82]), 'line 1 has the byte 0xE2'],
  ])('refuses %s with the line of the first bad byte', (name, bytes, message) => {
    const p = file(`bad-${name.length}.txt`);
    fs.writeFileSync(p, bytes);
    refused(init(p), `--data ${p} is not UTF-8 text: ${message}`);
  });

  it('finds the first byte that is not UTF-8 after valid multi-byte characters', () => {
    expect(firstNonUtf8Byte(Buffer.from('zoë🙂é', 'utf8'))).toBe(-1);
    expect(firstNonUtf8Byte(Buffer.concat([Buffer.from('ë🙂', 'utf8'), Buffer.from([0xed, 0xa0, 0x80])]))).toBe(6); // a surrogate
    expect(firstNonUtf8Byte(Buffer.from([0xc0, 0x80]))).toBe(0); // an overlong NUL
  });

  it('accepts a UTF-8 byte-order mark at the start, which stays out of the vocabulary', () => {
    fs.writeFileSync(file('bom.txt'), '\ufeffemma\nava\n');
    expect(ok('init', '--seed', '1', '--data', file('bom.txt'), '--out', file('bom.json'))).toContain('vocab 5 (4 characters + BOS)');
    expect(parseWeightsText(fs.readFileSync(file('bom.json'), 'utf8')).tokenizer.chars).toEqual(['a', 'e', 'm', 'v']);
  });

  it.each([
    ['a tab inside a line', 'emma\nav\ta\n', 'line 2 holds the control character U+0009'],
    ['NUL (UTF-16 without a byte-order mark)', Buffer.from('emma\n', 'utf16le'), 'line 1 holds the control character U+0000'],
    ['an escape', 'emma\r\nava\r\n\x1b[31mred\n', 'line 3 holds the control character U+001B'],
  ])('refuses a dataset with %s', (name, text, message) => {
    const p = file(`control-${name.length}.txt`);
    fs.writeFileSync(p, text);
    refused(init(p), message);
  });

  it('strips whitespace controls at the ends of a line, as Python does, instead of refusing them', () => {
    fs.writeFileSync(file('tabs.txt'), '\temma\t\nava\x0c\n');
    expect(ok('init', '--seed', '1', '--data', file('tabs.txt'), '--out', file('tabs.json'))).toContain('vocab 5');
  });

  it('refuses a weights file whose vocabulary holds a newline', () => {
    const w = JSON.parse(fs.readFileSync(model, 'utf8'));
    w.tokenizer.chars[0] = '\n';
    fs.writeFileSync(file('newline-vocab.json'), JSON.stringify(w));
    refused(cli(['sample', '--model', file('newline-vocab.json')]), 'its vocabulary holds the control character U+000A');
  });
});

describe('weights that are finite but overflow the model', () => {
  it('make sample and score say the weights are unusable, never printing null', () => {
    const w = JSON.parse(fs.readFileSync(model, 'utf8'));
    w.state_dict.lm_head = w.state_dict.lm_head.map((row: number[]) => row.map((_, c) => (c % 2 ? 1e308 : -1e308)));
    const p = file('overflow.json');
    fs.writeFileSync(p, JSON.stringify(w));
    const message = `the weights in --model ${p} are unusable`;
    refused(cli(['sample', '--model', p]), message);
    refused(cli(['sample', '--model', p, '--temperature', '0']), message);
    refused(cli(['score', '--model', p, '--doc', 'emma']), message);
  });
  it('refuse weights that overflow inside the model (× 1e300: every name would score ln 27), with the engine’s probe', () => {
    const w = JSON.parse(fs.readFileSync(model, 'utf8'));
    for (const m of Object.values(w.state_dict) as number[][][]) for (const row of m) row.forEach((x, i) => (row[i] = x * 1e300));
    const p = file('overflow-inside.json');
    fs.writeFileSync(p, JSON.stringify(w));
    refused(cli(['score', '--model', p, '--doc', 'emma']), `the weights in --model ${p} are unusable: the model overflows when it runs`);
  });
  it('name NaN as the cause when Python wrote a diverged run', () => {
    const p = file('nan.json');
    fs.writeFileSync(p, fs.readFileSync(model, 'utf8').replace(/-?\d+\.\d+(e[-+]?\d+)?/, 'NaN'));
    refused(cli(['score', '--model', p, '--doc', 'emma']), 'it contains NaN, which is not a number JSON allows: the run that wrote it diverged');
  });
});

describe('hints', () => {
  it('name the real command', () => {
    refused(cli(['init', '--sed', '1']), 'unknown flag --sed for init (see: node scripts/cli/microgpt.ts help)');
    expect(ok('help')).toContain('usage: node scripts/cli/microgpt.ts <command> [flags]');
  });
});
