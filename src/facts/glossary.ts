// The numbers the glossary's definitions quote, from the shipped model.

import { model, vocab } from './shipped.ts';

export const glossaryFacts = {
  blockSize: model.blockSize,
  nEmbd: model.nEmbd,
  parameters: model.parameters,
  vocabSize: vocab.size,
};
