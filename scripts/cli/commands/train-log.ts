// What `microgpt train` prints: a line per step (thinned out for long runs), a live
// progress line on a terminal, and one summary line at the end.

import type { Io } from '../io.ts';

const PROGRESS_MS = 100; // redraw the terminal line at most this often

/** `step    1 / 1000 | loss 3.4430`, the format of microgpt.py's own log. */
export function stepLine(step: number, steps: number, loss: number): string {
  const width = Math.max(4, String(steps).length);
  return `step ${String(step).padStart(width)} / ${String(steps).padStart(width)} | loss ${loss.toFixed(4)}`;
}

/** Every step for short runs; about twenty lines plus the first and last for long ones. */
export function isLogged(step: number, steps: number): boolean {
  if (steps <= 100 || step === 1 || step === steps) return true;
  return step % Math.max(1, Math.floor(steps / 20)) === 0;
}

/** Collects losses and prints as training goes. */
export class TrainLog {
  private readonly io: Io;
  private readonly steps: number;
  private readonly recent: Float64Array; // ring buffer of the last min(100, steps) losses
  private first = NaN;
  private last = NaN;
  private count = 0;
  private drawnAt = -Infinity;
  private drawn = false;

  constructor(io: Io, steps: number) {
    this.io = io;
    this.steps = steps;
    this.recent = new Float64Array(Math.min(100, steps));
  }

  /** Record the loss of step `step` (1-based). */
  step(step: number, loss: number): void {
    if (this.count === 0) this.first = loss;
    this.last = loss;
    this.recent[this.count % this.recent.length] = loss;
    this.count++;
    const line = stepLine(step, this.steps, loss);
    if (isLogged(step, this.steps)) {
      this.clearProgress();
      this.io.out(line);
      return;
    }
    const now = performance.now();
    if (this.io.progress && now - this.drawnAt >= PROGRESS_MS) {
      this.io.progress(`\r${line}\x1b[K`);
      this.drawnAt = now;
      this.drawn = true;
    }
  }

  /** The closing line: first and final loss, the recent mean, time, and where the weights went. */
  summary(seconds: number, out: string): void {
    this.clearProgress();
    const n = Math.min(this.count, this.recent.length);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.recent[i];
    this.io.out(
      `done: ${this.count} steps in ${seconds.toFixed(1)}s | first loss ${this.first.toFixed(4)} | final loss ${this.last.toFixed(4)}` +
        ` | mean of last ${n} ${(sum / n).toFixed(4)} | wrote ${out}`,
    );
  }

  /** Erase the progress line so a stdout line printed to the same terminal starts clean. */
  private clearProgress(): void {
    if (this.io.progress && this.drawn) this.io.progress('\r\x1b[K');
    this.drawn = false;
  }
}
