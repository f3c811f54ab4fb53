// The live training run as page state: one worker per page, owned here, and what it has
// reported so far (losses, held-out points, samples, attention, the trained weights), plus the
// finished runs kept on the chart to compare. Messages from the worker are applied at most once
// per animation frame (and about ten times a second while a run streams in), however fast the worker posts.

import { parseWeights, type WeightsFile } from '../engine/weights.ts';
import type { AttentionSnapshot, FromWorker, LossPoint, RunFacts, RunSettings, SampleBatch, ToWorker } from '../workers/training-protocol.ts';
import { holdoutShare, settingsProblem } from '../workers/training-protocol.ts';
import { asPoints, smooth, thin, type KeptCurve } from '../viz/training/loss-chart.ts';
import { useWeights } from './model-in-use.svelte.ts';

/** Where the run is. 'starting' waits for the worker's first word; 'failed' means the worker could not run it. */
export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'stopped' | 'failed';

/** The settings of a run, with what the page calls its dataset. */
export type RunRequest = RunSettings & { datasetLabel: string };

/** Most runs kept on the chart; the oldest goes first. */
export const maxKept = 6;

/** A run's settings in a few words: "lr 0.01 · 1,000 steps · seed 42 · the shipped names". */
export function runLabel(r: Pick<RunRequest, 'lr' | 'numSteps' | 'seed' | 'holdout' | 'datasetLabel'>): string {
  return `lr ${r.lr} · ${r.numSteps.toLocaleString('en-US')} steps · seed ${r.seed} · ${r.datasetLabel}${r.holdout ? ` · ${Math.round(holdoutShare * 100)} % held out` : ''}`;
}

let status: RunStatus = $state('idle');
let step = $state(0);
let version = $state(0); // bumped when the arrays below grow
let stepsPerSecond = $state(0);
let message = $state('');
let facts: RunFacts | null = $state.raw(null);
let request: RunRequest | null = $state.raw(null);
let samples: SampleBatch[] = $state.raw([]);
let attention: AttentionSnapshot | null = $state.raw(null);
let finalLoss: number | null = $state(null);
let busyMs: number | null = $state(null);
let weights: WeightsFile | null = $state.raw(null);
let kept: KeptCurve[] = $state.raw([]);
let losses: number[] = []; // plain arrays, grown in place: read them through the getters, which track `version`
let heldOut: LossPoint[] = [];
let trainEval: LossPoint[] = [];

let worker: Worker | null = null;
let runId = 0;
let queue: FromWorker[] = [];
let flushing = false;

function clearRun(): void {
  step = 0;
  losses = [];
  heldOut = [];
  trainEval = [];
  samples = [];
  attention = null;
  finalLoss = null;
  busyMs = null;
  weights = null;
  stepsPerSecond = 0;
  facts = null;
  message = '';
  version++;
}

function keepCurve(): void {
  if (!request || losses.length === 0) return;
  // a run that diverged keeps the steps before its loss stopped being a number, and says where it stopped
  const finite = losses.filter(Number.isFinite);
  const label = status === 'stopped' ? `${runLabel(request)} · stopped at step ${step.toLocaleString('en-US')}` : runLabel(request);
  const curve: KeptCurve = { id: runId, label, smoothed: thin(asPoints(smooth(finite)), 600) };
  kept = [...kept.filter((k) => k.id !== runId), curve].slice(-maxKept);
}

function apply(m: FromWorker): void {
  if ('runId' in m && m.runId !== runId) return; // from a run that was reset or replaced
  switch (m.type) {
    case 'started':
      facts = m;
      if (status === 'starting') status = pausedStart ? 'paused' : 'running';
      break;
    case 'progress':
      for (const l of m.losses) losses.push(l);
      for (const p of m.heldOut) heldOut.push(p);
      for (const p of m.trainEval) trainEval.push(p);
      if (m.samples.length) samples = [...samples, ...m.samples];
      if (m.attention) attention = m.attention;
      step = m.step;
      if (m.stepsPerSecond > 0) stepsPerSecond = m.stepsPerSecond;
      version++;
      break;
    case 'paused':
      step = m.step;
      if (status === 'running') status = 'paused';
      break;
    case 'done':
      step = m.step;
      finalLoss = m.finalLoss;
      busyMs = m.busyMs;
      weights = m.weights;
      status = 'done';
      keepCurve();
      break;
    case 'stopped':
      step = m.step;
      message = m.message;
      status = 'stopped';
      keepCurve();
      break;
    case 'error':
      message = m.message;
      status = 'failed';
      break;
  }
}

/** Least time between two redraws while a run streams in: the chart redraws about 10 times a second. */
export const redrawEveryMs = 100;
let lastFlush = -Infinity;

function flush(): void {
  flushing = false;
  lastFlush = performance.now();
  const batch = queue;
  queue = [];
  for (const m of batch) apply(m);
}

/** Wait for the next frame at least redrawEveryMs after the last redraw (in a hidden tab, where frames do not come, a timer). */
function scheduleFlush(): void {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') { setTimeout(flush, redrawEveryMs); return; }
  requestAnimationFrame((now) => {
    if (now - lastFlush < redrawEveryMs && queue.every((m) => m.type === 'progress')) scheduleFlush();
    else flush();
  });
}

/** Apply worker messages in a frame, at most one redraw per frame and about redrawEveryMs apart; a change of state (paused, done, stopped) at the next frame. */
function receive(m: FromWorker): void {
  queue.push(m);
  if (flushing) return;
  flushing = true;
  scheduleFlush();
}

function fail(text: string): void {
  queue = [];
  message = text;
  status = 'failed';
  worker?.terminate();
  worker = null;
}

function ensureWorker(): Worker | null {
  if (worker) return worker;
  try {
    worker = new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'microgpt training' });
  } catch (e) {
    fail(`The training worker could not start (${(e as Error).message}). This browser may block web workers.`);
    return null;
  }
  worker.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    fail(`The training worker could not start or stopped with an error${e.message ? ` (${e.message})` : ''}. Reload the page to try again.`);
  };
  worker.onmessageerror = () => fail('A message from the training worker could not be read. Reload the page to try again.');
  if (typeof window !== 'undefined') window.addEventListener('pagehide', leave, { once: true });
  return worker;
}

/** Leaving the page: end the worker; a run under way is over (the chart keeps what it drew). */
function leave(): void {
  worker?.terminate();
  worker = null;
  queue = [];
  if (status === 'running' || status === 'paused' || status === 'starting') {
    status = 'idle';
    message = 'The run ended when the page was left. Start it again to train.';
  }
}

function send(m: ToWorker): void {
  worker?.postMessage(m);
}

let pausedStart = false;

/** Start a new run (replacing any run under way). Returns the problem with the settings, or null. */
function start(r: RunRequest, paused = false): string | null {
  const problem = settingsProblem(r);
  if (problem) { message = problem; return problem; }
  const w = ensureWorker();
  if (!w) return message;
  if (status === 'done' || status === 'stopped') keepCurve();
  runId++;
  queue = [];
  clearRun();
  request = r;
  pausedStart = paused;
  status = 'starting';
  const { datasetLabel: _l, ...settings } = r;
  send({ type: 'start', runId, paused, ...settings, docs: [...settings.docs] });
  return null;
}

/** The run in this page: read its fields, call its actions. */
export const trainingRun = {
  get status() { return status; },
  /** The id of the run on show (its kept copy has the same id), or −1. */
  get runId() { return request ? runId : -1; },
  get step() { return step; },
  get numSteps() { return request?.numSteps ?? 0; },
  get request() { return request; },
  get facts() { return facts; },
  get message() { return message; },
  get stepsPerSecond() { return stepsPerSecond; },
  get losses(): readonly number[] { void version; return losses; },
  get heldOut(): readonly LossPoint[] { void version; return heldOut; },
  get trainEval(): readonly LossPoint[] { void version; return trainEval; },
  get version() { return version; },
  get samples() { return samples; },
  get attention() { return attention; },
  get finalLoss() { return finalLoss; },
  /** The worker's time spent taking the steps of a finished run, in ms. */
  get busyMs() { return busyMs; },
  get weights() { return weights; },
  get kept() { return kept; },
  start,
  /** Start the worker ahead of the first run (when the page is idle), so Start only posts a message. */
  prepare(): void {
    if (status !== 'failed') ensureWorker();
  },
  pause(): void {
    if (status === 'running' || (status === 'starting' && !pausedStart)) send({ type: 'pause', runId });
  },
  resume(): void {
    if (status !== 'paused') return;
    status = 'running';
    send({ type: 'resume', runId });
  },
  /** One step: of the paused run, or of a new run started paused. */
  stepOnce(r: RunRequest): string | null {
    if (status === 'paused' || (status === 'starting' && pausedStart)) { send({ type: 'step', runId }); return null; }
    if (status === 'running' || status === 'starting') return null;
    const problem = start(r, true);
    if (!problem) send({ type: 'step', runId });
    return problem;
  },
  /** Stop and forget the run under way; the kept runs stay. */
  reset(): void {
    send({ type: 'reset' });
    runId++;
    queue = [];
    clearRun();
    request = null;
    status = 'idle';
  },
  removeKept(id: number): void {
    kept = kept.filter((k) => k.id !== id);
  },
  /** Use the trained model in the generators; returns why it could not be kept in this browser, or null. */
  useTrained(): string | null {
    if (!weights || !request) return 'There is no trained model yet.';
    return useWeights(parseWeights(weights), 'trained', `trained here: ${runLabel(request)}`);
  },
};
