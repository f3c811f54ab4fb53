// Weights can be finite and still make the model overflow (a logit of 1e308 + 1e308): then
// every probability is NaN. Say so, instead of printing a name drawn from NaN or a null loss.
// The test is the engine's (src/engine/usable.ts), shared with the site's weights loader.

import type { FastGPT } from '../../src/engine/index.ts';
import { outputsFinite } from '../../src/engine/index.ts';
import { CliError } from './error.ts';

/** Throw when the model's last outputs are not finite, or `loss` (when given) is not. */
export function checkOutputs(model: FastGPT, flag: string, path: string, loss?: number): void {
  if (!outputsFinite(model, loss)) throw new CliError(`the weights in --${flag} ${path} are unusable: the model's outputs overflow (they are not finite numbers)`);
}
