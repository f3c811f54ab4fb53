// The shipped model as page state: one fetch, shared by every island that runs it.

import { fetched } from './fetched.svelte.ts';
import { loadShippedModel } from './shipped-model.ts';

/** The model trained at build time, with its tokenizer and config: value null until loaded. */
export const shippedModel = fetched(loadShippedModel);
