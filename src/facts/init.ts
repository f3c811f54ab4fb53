// How microgpt starts its weights, for prose that quotes it without the chapters' other facts.

export { initStd } from '../engine/params.ts';
