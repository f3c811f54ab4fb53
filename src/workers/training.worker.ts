// The training worker: runs a TrainingSession in slices of about sliceMs, then yields to its
// own message queue (a MessageChannel, which unlike setTimeout is not clamped), so a pause or a
// reset from the page is seen within a slice. Posts at most one progress message per slice.

import type { FromWorker, ToWorker } from './training-protocol.ts';
import { createSession, type TrainingSession } from './training-session.ts';

/** Milliseconds of steps between looks at the message queue. */
const sliceMs = 12;

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const tick = new MessageChannel();
let session: TrainingSession | null = null;
let scheduled = false;

const post = (messages: FromWorker[]) => { for (const m of messages) scope.postMessage(m); };

function schedule(): void {
  if (scheduled || session?.status !== 'running') return;
  scheduled = true;
  tick.port2.postMessage(null);
}

tick.port1.onmessage = () => {
  scheduled = false;
  if (!session) return;
  try {
    post(session.runSlice(sliceMs, () => performance.now()));
  } catch (e) {
    post([{ type: 'error', runId: session.runId, message: (e as Error).message }]);
    session = null;
    return;
  }
  schedule();
};

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'reset') { session = null; return; }
  if (m.type === 'start') {
    const { type: _t, runId, paused, ...settings } = m;
    const made = createSession(runId, settings, paused);
    if ('error' in made) { session = null; post([{ type: 'error', runId, message: made.error }]); return; }
    session = made;
    post(session.startedMessages());
    schedule();
    return;
  }
  if (!session || session.runId !== m.runId) return; // a run that was reset or replaced
  if (m.type === 'pause') post(session.pause());
  else if (m.type === 'resume') { if (session.resume()) schedule(); }
  else if (m.type === 'step') post(session.stepOnce());
};
