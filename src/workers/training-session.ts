// One live training run as a plain state machine, with no Worker in sight: the worker file
// feeds it messages and time, and the unit tests drive it directly. The steps are microgpt's:
// seededStart shuffles the documents and draws the weights from the seed, then a FastTrainer
// takes one document per step.

import { microgptConfig } from '../engine/config.ts';
import { emptyCache, toValueStateDict } from '../engine/model.ts';
import { parameterCount } from '../engine/params.ts';
import { Random } from '../engine/random.ts';
import { seededStart } from '../engine/run.ts';
import { FastGPT } from '../engine/fast.ts';
import { generate } from '../engine/sample.ts';
import { Tokenizer } from '../engine/tokenizer.ts';
import { tracedGpt } from '../engine/trace.ts';
import { FastTrainer } from '../engine/train.ts';
import { toWeightsFile } from '../engine/weights.ts';
import type { AttentionSnapshot, FromWorker, LossPoint, RunFacts, RunSettings, SampleBatch } from './training-protocol.ts';
import { divergedMessage, settingsProblem, splitCounts } from './training-protocol.ts';

/** Names drawn every sampleEvery steps, at microgpt's inference temperature. */
export const sampling = { every: 100, count: 8, temperature: 0.5, seed: 7 } as const;
/** How often the held-out loss is measured (about evalPoints times a run) and on how many documents. */
export const evaluation = { points: 20, docs: 100 } as const;

/** Where a session is. */
export type SessionStatus = 'paused' | 'running' | 'done' | 'stopped';

/** The training side of a run: what a slice of steps adds, posted as one progress message. */
type Pending = { losses: number[]; heldOut: LossPoint[]; trainEval: LossPoint[]; samples: SampleBatch[]; attention: AttentionSnapshot | null };

const emptyPending = (): Pending => ({ losses: [], heldOut: [], trainEval: [], samples: [], attention: null });

/** A run being trained. Build it with createSession (which checks the settings). */
export class TrainingSession {
  readonly runId: number;
  readonly settings: RunSettings;
  readonly tokenizer: Tokenizer;
  readonly trainer: FastTrainer;
  readonly trainDocs: string[];
  readonly heldOutDocs: string[];
  readonly facts: RunFacts;
  status: SessionStatus;
  private readonly tokens: number[][]; // training documents encoded, in training order
  private readonly evalHeld: number[][];
  private readonly evalTrain: number[][];
  private readonly evalEvery: number;
  private readonly sampler: FastGPT; // a copy of the weights for sampling and evaluating, so training's buffers stay its own
  private readonly sampleRng = new Random(sampling.seed);
  private pending: Pending = emptyPending();
  private lastLoss = NaN;
  private stoppedMessage = '';
  /** Milliseconds spent inside slices: the training time, without the yields between them. */
  busyMs = 0;

  constructor(runId: number, settings: RunSettings, paused: boolean) {
    this.runId = runId;
    this.settings = settings;
    this.tokenizer = Tokenizer.fromDocuments(settings.docs);
    const config = microgptConfig(this.tokenizer.vocabSize);
    const start = seededStart(settings.docs, config, settings.seed);
    // the split is taken from the shuffled order, so the weights are the same with it on or off
    const split = splitCounts(start.shuffled.length, settings.holdout);
    this.trainDocs = start.shuffled.slice(0, split.train);
    this.heldOutDocs = start.shuffled.slice(split.train);
    this.tokens = this.trainDocs.map((d) => this.tokenizer.encodeDocument(d));
    this.trainer = new FastTrainer({ config, stateDict: start.stateDict, numSteps: settings.numSteps, adam: { lr: settings.lr } });
    this.sampler = new FastGPT(config);
    const nEval = Math.min(evaluation.docs, this.heldOutDocs.length);
    this.evalHeld = this.heldOutDocs.slice(0, nEval).map((d) => this.tokenizer.encodeDocument(d));
    this.evalTrain = this.trainDocs.slice(0, nEval).map((d) => this.tokenizer.encodeDocument(d));
    this.evalEvery = Math.max(1, Math.round(settings.numSteps / evaluation.points));
    const name = this.attentionText(settings.attentionName);
    this.facts = {
      vocabSize: config.vocabSize,
      parameters: parameterCount(config),
      trainDocs: this.trainDocs.length,
      heldOutDocs: this.heldOutDocs.length,
      overContext: settings.docs.filter((d) => [...d].length > config.blockSize - 1).length,
      blockSize: config.blockSize,
      attentionName: name,
    };
    this.status = paused ? 'paused' : 'running';
    this.observe(); // step 0: what the fresh model does
  }

  get step(): number {
    return this.trainer.stepsTaken;
  }

  /** The name to trace: the one asked for if the vocabulary reads it, else the first document; cut to the context. */
  private attentionText(asked: string): string {
    const room = this.trainer.model.config.blockSize - 1;
    const ok = asked.length > 0 && this.tokenizer.unknownCharacters(asked).length === 0;
    return [...(ok ? asked : this.settings.docs[0])].slice(0, room).join('');
  }

  /** Take one step. Returns false when the run cannot step (done or stopped), and stops it on a loss that is not finite. */
  takeStep(): boolean {
    if (this.status === 'done' || this.status === 'stopped') return false;
    const s = this.trainer.stepsTaken;
    const loss = this.trainer.step(this.tokens[s % this.tokens.length]);
    this.lastLoss = loss;
    const step = s + 1;
    if (!Number.isFinite(loss)) {
      this.status = 'stopped';
      this.stoppedMessage = divergedMessage(step, loss, this.settings.lr);
      return false;
    }
    this.pending.losses.push(loss);
    if (step === this.settings.numSteps) this.status = 'done';
    if (step % sampling.every === 0 || step % this.evalEvery === 0 || this.status === 'done') this.observe();
    return this.status === 'running' || this.status === 'paused';
  }

  /** Samples, attention and held-out loss at the current step, when they are due. */
  private observe(): void {
    const step = this.step;
    const last = this.status === 'done';
    const sampleDue = step % sampling.every === 0 || last;
    const evalDue = this.evalHeld.length > 0 && (step % this.evalEvery === 0 || last);
    if (!sampleDue && !evalDue) return;
    this.sampler.data.set(this.trainer.model.data);
    if (evalDue) {
      this.pending.heldOut.push({ step, loss: this.meanLoss(this.evalHeld) });
      this.pending.trainEval.push({ step, loss: this.meanLoss(this.evalTrain) });
    }
    if (sampleDue) {
      const names = Array.from({ length: sampling.count }, () => generate(this.sampler, this.tokenizer, this.sampleRng, { temperature: sampling.temperature }).text);
      this.pending.samples.push({ step, names });
      this.pending.attention = this.attention(step);
    }
  }

  private meanLoss(docs: readonly number[][]): number {
    let total = 0;
    for (const d of docs) total += this.sampler.loss(d);
    return total / docs.length;
  }

  /** Every head's weights over BOS + the traced name, from the Value path (the same numbers as the fast one). */
  private attention(step: number): AttentionSnapshot {
    const config = this.trainer.model.config;
    const model = { config, params: toValueStateDict(this.sampler.stateDict()) };
    const tokens = [this.tokenizer.bos, ...this.tokenizer.encode(this.facts?.attentionName ?? this.attentionText(this.settings.attentionName))];
    const keys = emptyCache(config);
    const values = emptyCache(config);
    const weights: number[][][] = Array.from({ length: config.nHead }, () => []);
    tokens.forEach((token, pos) => {
      const layer = tracedGpt(model, token, pos, keys, values).trace.layers[0];
      layer.heads.forEach((h, i) => weights[i].push(h.weights.map((w) => w.data)));
    });
    return { step, name: this.facts?.attentionName ?? '', labels: tokens.map((t) => this.tokenizer.token(t)), weights };
  }

  /**
   * Run steps until `budgetMs` of `now()` has passed, the run ends, or it is paused. Returns
   * the messages to post: at most one progress, then done or stopped if the run ended.
   */
  runSlice(budgetMs: number, now: () => number): FromWorker[] {
    if (this.status !== 'running') return [];
    const t0 = now();
    let steps = 0;
    do {
      steps++;
      if (!this.takeStep()) break;
    } while (this.status === 'running' && now() - t0 < budgetMs);
    const spent = now() - t0;
    this.busyMs += spent;
    return this.flush(steps / Math.max(1e-3, spent / 1000));
  }

  /** One step while paused (the Step button). */
  stepOnce(): FromWorker[] {
    if (this.status !== 'paused') return [];
    this.takeStep();
    return this.flush(0);
  }

  pause(): FromWorker[] {
    if (this.status !== 'running') return [];
    this.status = 'paused';
    return [{ type: 'paused', runId: this.runId, step: this.step }];
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    this.status = 'running';
    return true;
  }

  /** The messages for what happened since the last flush. */
  flush(stepsPerSecond: number): FromWorker[] {
    const p = this.pending;
    this.pending = emptyPending();
    const out: FromWorker[] = [];
    if (p.losses.length || p.heldOut.length || p.samples.length || p.attention) {
      out.push({ type: 'progress', runId: this.runId, step: this.step, ...p, stepsPerSecond });
    }
    if (this.status === 'done') {
      const config = this.trainer.model.config;
      out.push({ type: 'done', runId: this.runId, step: this.step, finalLoss: this.lastLoss, busyMs: this.busyMs,
        weights: toWeightsFile({ config, tokenizer: this.tokenizer, stateDict: this.trainer.stateDict() }) });
    }
    if (this.status === 'stopped') out.push({ type: 'stopped', runId: this.runId, step: this.step, loss: this.lastLoss, message: this.stoppedMessage });
    return out;
  }

  /** The started message (with step 0's samples and attention in a progress after it). */
  startedMessages(): FromWorker[] {
    return [{ type: 'started', runId: this.runId, ...this.facts }, ...this.flush(0)];
  }
}

/** A session for these settings, or the reason it cannot be built. */
export function createSession(runId: number, settings: RunSettings, paused: boolean): TrainingSession | { error: string } {
  const problem = settingsProblem(settings);
  if (problem) return { error: problem };
  try {
    return new TrainingSession(runId, settings, paused);
  } catch (e) {
    return { error: `The run could not be built: ${(e as Error).message}` };
  }
}
