// The run as page state, with a stand-in Worker that runs the real TrainingSession at once:
// Start twice, Reset during a run, a worker that fails to start.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../../src/workers/training-protocol.ts';
import { createSession, type TrainingSession } from '../../../src/workers/training-session.ts';

/** A Worker that answers each message by running the session to its end (or doing nothing, when `silent`). */
class FakeWorker {
  static failNext = false;
  static silent = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  session: TrainingSession | null = null;
  constructor() {
    if (FakeWorker.failNext) { FakeWorker.failNext = false; throw new Error('workers are blocked'); }
  }
  private post(ms: FromWorker[]) { for (const m of ms) this.onmessage?.({ data: m } as MessageEvent<FromWorker>); }
  postMessage(m: ToWorker) {
    if (FakeWorker.silent) return;
    if (m.type === 'reset') { this.session = null; return; }
    if (m.type === 'start') {
      const { type: _t, runId, paused, ...settings } = m;
      const s = createSession(runId, settings, paused);
      if ('error' in s) { this.post([{ type: 'error', runId, message: s.error }]); return; }
      this.session = s;
      this.post(s.startedMessages());
      while (s.status === 'running') this.post(s.runSlice(Infinity, () => 0));
      return;
    }
    if (!this.session || this.session.runId !== m.runId) return;
    if (m.type === 'step') this.post(this.session.stepOnce());
  }
  terminate() {}
}

let run: typeof import('../../../src/state/training-run.svelte.ts').trainingRun;
const docs = ['anna', 'bob', 'cara', 'dan', 'eve', 'finn'];
const request = (over = {}) => ({ docs, seed: 1, numSteps: 30, lr: 0.01, holdout: false, attentionName: 'anna', datasetLabel: 'test names', ...over });
const frame = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('requestAnimationFrame', (f: (t: number) => void) => setTimeout(() => f(1e9), 0));
  ({ trainingRun: run } = await import('../../../src/state/training-run.svelte.ts'));
});
afterEach(() => { run.reset(); FakeWorker.silent = false; });

describe('the training run as page state', () => {
  it('runs to the end and keeps the curve and the weights', async () => {
    expect(run.start(request())).toBeNull();
    await frame();
    expect(run.status).toBe('done');
    expect(run.step).toBe(30);
    expect(run.losses).toHaveLength(30);
    expect(run.finalLoss).toBe(run.losses[29]);
    expect(run.weights?.config.vocab_size).toBe(new Set(docs.join('')).size + 1);
    expect(run.kept.some((k) => k.id === run.runId)).toBe(true);
  });

  it('keeps a run that diverged as its finite steps, labelled with where it stopped', async () => {
    expect(run.start(request({ lr: 10, numSteps: 200 }))).toBeNull();
    await frame();
    expect(run.status).toBe('stopped');
    const kept = run.kept.find((k) => k.id === run.runId)!;
    expect(kept.label).toContain(`stopped at step ${run.step}`);
    expect(kept.smoothed.length).toBeGreaterThan(0);
    expect(kept.smoothed.every((p) => Number.isFinite(p.loss))).toBe(true);
  });

  it('Start twice: the second run replaces the first, and the first is kept to compare', async () => {
    run.start(request({ lr: 0.02 }));
    await frame();
    run.start(request({ lr: 0.03 }));
    await frame();
    expect(run.status).toBe('done');
    expect(run.request?.lr).toBe(0.03);
    expect(run.kept.map((k) => k.label).join(' | ')).toMatch(/lr 0\.02.*lr 0\.03/);
    const first = run.kept.find((k) => k.label.includes('lr 0.02'))!;
    run.removeKept(first.id);
    expect(run.kept.some((k) => k.id === first.id)).toBe(false);
  });

  it('Reset while a run starts leaves nothing stuck and drops what the old run sends', async () => {
    FakeWorker.silent = true; // the worker has not answered yet
    run.start(request());
    expect(run.status).toBe('starting');
    run.reset();
    expect(run.status).toBe('idle');
    expect(run.step).toBe(0);
    expect(run.losses).toHaveLength(0);
  });

  it('Step from idle starts a paused run and takes one step', async () => {
    expect(run.stepOnce(request())).toBeNull();
    await frame();
    expect(run.status).toBe('paused');
    expect(run.step).toBe(1);
  });

  it('refuses bad settings with the reason, and starts nothing', () => {
    expect(run.start(request({ numSteps: 0 }))).toMatch(/number of steps/);
    expect(run.status).toBe('idle');
  });

  it('says so when the worker cannot start', async () => {
    vi.resetModules();
    FakeWorker.failNext = true;
    const { trainingRun: fresh } = await import('../../../src/state/training-run.svelte.ts');
    fresh.start(request());
    expect(fresh.status).toBe('failed');
    expect(fresh.message).toMatch(/worker could not start/);
  });
});
