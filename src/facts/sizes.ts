// microgpt's sizes, for prose that quotes them without the chapters' other facts (and without
// the shipped model, so tests that read the explanations need no build-time data).

export { presets } from '../engine/config.ts';
