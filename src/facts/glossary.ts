// The numbers the glossary's definitions quote, from the shipped model.

import { model, vocab } from './shipped.ts';

export const glossaryFacts = {
  blockSize: model.blockSize,
  parameters: model.parameters,
  vocabSize: vocab.size,
};
