// The shipped dataset and the model trained on it when the site was built: the names file, the
// weights and src/generated/facts.json, all written by scripts/build/data.ts. The only door from the
// chapters to generated data; every other facts module reads them from here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocuments } from '../engine/data.ts';
import { parseWeightsText } from '../engine/weights.ts';
import generated from '../generated/facts.json';

/** The names file exactly as shipped, byte for byte. */
export const namesText = readFileSync(join(process.cwd(), 'public/data/names.txt'), 'utf8');

/** Its documents, in file order, read as microgpt reads them. */
export const names = parseDocuments(namesText);

/** The dataset's size, vocabulary, model shape, training run and samples of the shipped model. */
export const { dataset, vocab, model, training, samples } = generated;

/** The shipped model's weights file, read as the page reads it (for chapters that run the trained model at build time). */
export const shippedWeights = parseWeightsText(readFileSync(join(process.cwd(), 'public/data/model.json'), 'utf8'));
