// The live run's fixed choices (how often it samples and measures, how much it holds out), from
// the worker's protocol, for the facts the chapter quotes: facts read state, not workers.

export { holdoutShare, runLimits, splitCounts } from '../workers/training-protocol.ts';
export { evaluation, sampling } from '../workers/training-session.ts';
