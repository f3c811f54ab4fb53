// The shipped names as page state: one fetch, shared by every island that reads them.

import { fetched } from './fetched.svelte.ts';
import { loadShippedNames } from './shipped-names.ts';

/** The names the model was trained on: value null until loaded. */
export const shippedNames = fetched(loadShippedNames);
