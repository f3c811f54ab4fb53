// The engine's public surface: microgpt in TypeScript, in the order microgpt reads,
// then the fast path and the toy. (lessons/, the code written for the chapters, is imported directly.)

export * from './random.ts';
export * from './data.ts';
export * from './tokenizer.ts';
export * from './value.ts';
export * from './config.ts';
export * from './params.ts';
export * from './nn.ts';
export * from './model.ts';
export * from './trace.ts';
export * from './loss.ts';
export * from './adam.ts';
export * from './train.ts';
export * from './run.ts';
export * from './sample.ts';
export * from './weights.ts';
export * from './usable.ts';
export * from './fast.ts';
export * from './toy.ts';
