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
  /** the mean loss over the last 100 steps (one step's loss is one name's, so it jumps about) */
  meanLast100: training.meanLast100,
  /** the loss of the very last step alone */
  finalLoss: training.finalLoss,
  sampleNames: samples.names,
  sampleTemperature: samples.temperature,
};
