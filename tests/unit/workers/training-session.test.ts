import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { microgptConfig, parameterCount, parseDocuments, parseWeights, runTraining, Tokenizer } from '../../../src/engine/index.ts';
import type { FromWorker, RunSettings } from '../../../src/workers/training-protocol.ts';
import { settingsProblem } from '../../../src/workers/training-protocol.ts';
import { createSession, sampling, TrainingSession } from '../../../src/workers/training-session.ts';
import generated from '../../../src/generated/facts.json';

const names = parseDocuments(readFileSync(join(process.cwd(), 'public/data/names.txt'), 'utf8'));
const small = names.slice(0, 300);
const smallVocab = Tokenizer.fromDocuments(small).vocabSize;
const traced = small[5];
const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ docs: small, seed: 42, numSteps: 200, lr: 0.01, holdout: false, attentionName: traced, ...over });

function session(over: Partial<RunSettings> = {}, paused = false): TrainingSession {
  const s = createSession(1, settings(over), paused);
  if ('error' in s) throw new Error(s.error);
  return s;
}

/** Run to the end, ignoring time, and gather every loss posted. */
function drain(s: TrainingSession): { messages: FromWorker[]; losses: number[] } {
  const messages: FromWorker[] = [];
  for (let guard = 0; guard < 100_000 && s.status === 'running'; guard++) messages.push(...s.runSlice(Infinity, () => 0));
  const losses = messages.flatMap((m) => (m.type === 'progress' ? m.losses : []));
  return { messages, losses };
}

/** A clock that moves 1 ms each time it is read: a slice of budget b takes about b steps. */
const ticking = () => { let t = 0; return () => t++; };

describe('a training session', () => {
  it('makes the same losses as runTraining for the same seed', () => {
    const tokenizer = Tokenizer.fromDocuments(small);
    const expected = runTraining({ docs: small, tokenizer, config: microgptConfig(tokenizer.vocabSize), seed: 42, numSteps: 200 }).losses;
    const s = session();
    const messages: FromWorker[] = [];
    const now = ticking();
    while (s.status === 'running') messages.push(...s.runSlice(5, now));
    const losses = messages.flatMap((m) => (m.type === 'progress' ? m.losses : []));
    expect(losses).toEqual(expected);
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type === 'done') {
      expect(done.finalLoss).toBe(expected.at(-1));
      expect(done.step).toBe(200);
      expect(() => parseWeights(done.weights)).not.toThrow();
    }
  });

  it('ends the shipped run at the final loss the build (and the CLI) computes', () => {
    const s = createSession(1, { docs: names, seed: 42, numSteps: 1000, lr: 0.01, holdout: false, attentionName: 'olivia' }, false);
    if ('error' in s) throw new Error(s.error);
    const { messages } = drain(s);
    const done = messages.find((m) => m.type === 'done');
    expect(done && done.type === 'done' ? done.finalLoss : NaN).toBe(generated.training.finalLoss);
  });

  it('ends the shipped run with the held-out split on at the CLI’s final loss too: the held-out names are never reached in 1,000 steps', () => {
    const s = createSession(1, { docs: names, seed: 42, numSteps: 1000, lr: 0.01, holdout: true, attentionName: 'olivia' }, false);
    if ('error' in s) throw new Error(s.error);
    expect(s.trainDocs.length).toBeGreaterThan(1000);
    const { messages } = drain(s);
    const done = messages.find((m) => m.type === 'done');
    expect(done && done.type === 'done' ? done.finalLoss : NaN).toBe(generated.training.finalLoss);
  });

  it('posts at most one progress per slice, and the slice stops once its budget is spent', () => {
    const s = session();
    const out = s.runSlice(10, ticking());
    expect(out.filter((m) => m.type === 'progress')).toHaveLength(1);
    expect(s.step).toBeGreaterThan(0);
    expect(s.step).toBeLessThan(20);
  });

  it('pauses, keeps its step, steps one at a time, and resumes', () => {
    const s = session();
    s.runSlice(10, ticking());
    const at = s.step;
    expect(s.pause()).toEqual([{ type: 'paused', runId: 1, step: at }]);
    expect(s.runSlice(10, ticking())).toEqual([]);
    expect(s.step).toBe(at);
    const one = s.stepOnce();
    expect(s.step).toBe(at + 1);
    expect(one[0]).toMatchObject({ type: 'progress', step: at + 1 });
    expect(one[0].type === 'progress' && one[0].losses).toHaveLength(1);
    expect(s.resume()).toBe(true);
    expect(s.stepOnce()).toEqual([]); // Step works only while paused
    drain(s);
    expect(s.status).toBe('done');
    expect(s.resume()).toBe(false);
  });

  it('a paused start takes no step until asked', () => {
    const s = session({}, true);
    expect(s.status).toBe('paused');
    const first = s.startedMessages();
    expect(first[0]).toMatchObject({ type: 'started', vocabSize: smallVocab, parameters: parameterCount(microgptConfig(smallVocab)), trainDocs: 300, heldOutDocs: 0 });
    expect(first[1]).toMatchObject({ type: 'progress', step: 0, losses: [] });
    expect(s.step).toBe(0);
  });

  it('stops at the step whose loss is not finite, with a message naming the step and a smaller rate', () => {
    const s = session({ lr: 10, numSteps: 2000 });
    const { messages, losses } = drain(s);
    const stopped = messages.at(-1)!;
    expect(stopped.type).toBe('stopped');
    if (stopped.type !== 'stopped') return;
    expect(Number.isFinite(stopped.loss)).toBe(false);
    expect(losses).toHaveLength(stopped.step - 1); // every finite loss before it is kept
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(stopped.message).toContain(`step ${stopped.step.toLocaleString('en-US')}`);
    expect(stopped.message).toMatch(/smaller/);
    expect(s.takeStep()).toBe(false);
  });

  it('samples names every 100 steps and traces the attention of the fixed name', () => {
    const s = session();
    const { messages } = drain(s);
    const samples = messages.flatMap((m) => (m.type === 'progress' ? m.samples : []));
    expect(samples.map((b) => b.step)).toEqual([0, 100, 200]); // step 0: the fresh model's names
    expect(samples[0].names).toHaveLength(sampling.count);
    const att = messages.flatMap((m) => (m.type === 'progress' && m.attention ? [m.attention] : []));
    expect(att.at(-1)!.labels).toEqual(['BOS', ...traced]);
    for (const head of att.at(-1)!.weights) head.forEach((row, q) => { expect(row).toHaveLength(q + 1); expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12); });
  });

  it('holds out 10 % of the documents, from the shuffled order, without changing the first step', () => {
    const off = session();
    const on = session({ holdout: true });
    expect(on.facts.heldOutDocs).toBe(30);
    expect(on.facts.trainDocs).toBe(270);
    expect(new Set([...on.trainDocs, ...on.heldOutDocs]).size).toBe(new Set(small).size);
    off.takeStep();
    on.takeStep();
    expect(on.trainer.model.data).toEqual(off.trainer.model.data); // same weights, same first document
    const { messages } = drain(on);
    const held = messages.flatMap((m) => (m.type === 'progress' ? m.heldOut : []));
    const train = messages.flatMap((m) => (m.type === 'progress' ? m.trainEval : []));
    expect(held[0].step).toBe(0);
    expect(held.at(-1)!.step).toBe(200);
    expect(train.map((p) => p.step)).toEqual(held.map((p) => p.step));
    expect(held.at(-1)!.loss).toBeLessThan(held[0].loss);
  });

  it('counts documents longer than the context', () => {
    const s = session({ docs: ['a'.repeat(20), 'ab', 'ba'] });
    expect(s.facts.overContext).toBe(1);
    expect(s.facts.attentionName).toBe('a'.repeat(15)); // the asked name is not in this vocabulary: the first document, cut
  });

  it('refuses bad settings with a clear reason', () => {
    expect(settingsProblem(settings({ numSteps: 0 }))).toMatch(/number of steps/);
    expect(settingsProblem(settings({ lr: Number.NaN }))).toMatch(/learning rate/);
    expect(settingsProblem(settings({ seed: -1 }))).toMatch(/seed/);
    expect(settingsProblem(settings({ docs: [] }))).toMatch(/no documents/);
    expect(createSession(1, settings({ numSteps: 1.5 }), false)).toHaveProperty('error');
  });
});
