// Every number the home page quotes, from the shipped dataset and model.

import { dataset, model, samples, training, vocab } from './shipped.ts';

export const homeFacts = {
  documents: dataset.documents,
  vocabSize: vocab.size,
  bos: vocab.bos,
  /** the largest id of a letter: every id below BOS */
  lastLetterId: vocab.size - 2,
  parameters: model.parameters,
  steps: training.steps,
  uniformLoss: training.uniformLoss,
  firstLoss: training.firstLoss,
  meanLast100: training.meanLast100,
  sampleNames: samples.names,
  sampleTemperature: samples.temperature,
};
