// The glossary: every term the chapters use, in plain English. <Term id="…"> links here and
// fails the build for an id that is not defined. Numbers about the model come from src/facts/.

import { glossaryFacts as f } from '../facts/glossary.ts';
import { int } from '../viz/shared/format.ts';

/** One glossary entry. `see` lists related entries by id. */
export type GlossaryEntry = { id: string; term: string; definition: string; see?: string[] };

export const glossary: readonly GlossaryEntry[] = [
  { id: 'activation', term: 'Activation', definition: 'Any number a network computes on the way from input to output, such as a neuron\'s output; also short for the nonlinearity (like ReLU) applied to it.', see: ['relu', 'neuron'] },
  { id: 'adam', term: 'Adam', definition: 'An optimizer that moves each parameter by a smoothed gradient divided by the typical size of its recent gradients, so every parameter takes steps of a sensible size.', see: ['optimizer', 'learning-rate'] },
  { id: 'attention', term: 'Attention', definition: 'The step where a position looks back at earlier positions and takes a weighted mix of what they offer; the weights come from how well its query matches their keys.', see: ['self-attention', 'query-key-value'] },
  { id: 'autograd', term: 'Autograd', definition: 'Automatic differentiation: the program records how each number was computed, then walks that record backwards to find every gradient.', see: ['backpropagation', 'gradient'] },
  { id: 'backpropagation', term: 'Backpropagation', definition: 'Computing gradients from the loss back to every parameter, applying the chain rule one operation at a time in reverse order of computation.', see: ['chain-rule', 'gradient'] },
  { id: 'baseline', term: 'Baseline', definition: 'A simple model, or a simple rule, whose score a real model has to beat to show it learned anything. For microgpt: the uniform guess, and the counting (bigram) model.', see: ['bigram-model', 'uniform-guess'] },
  { id: 'batch-size', term: 'Batch size', definition: 'How many examples are used for one update. microgpt uses one document per step; large models use millions of tokens per step.' },
  { id: 'bias', term: 'Bias', definition: 'A learned number added to a neuron\'s weighted sum, so it can shift its output up or down whatever the inputs are. microgpt\'s matrices have no biases.', see: ['neuron', 'weight'] },
  { id: 'bias-correction', term: 'Bias correction', definition: 'In Adam: dividing the running means of the gradient and its square by 1 − β^t, because both start at 0 and would otherwise be too small in the first steps.', see: ['adam', 'momentum'] },
  { id: 'bigram-model', term: 'Bigram model', definition: 'The counting model: a table of how often each token follows each other token. It predicts the next token from the one before alone. Also called the counting baseline.', see: ['baseline', 'smoothing'] },
  { id: 'bos', term: 'BOS', definition: 'Beginning of sequence: a special token that marks where a document starts. microgpt also uses it at the end, so the model can say "this name is finished".', see: ['token'] },
  { id: 'bpe', term: 'BPE (byte pair encoding)', definition: 'A tokenizer that starts from single characters and repeatedly merges the most frequent neighbouring pair into a new token, so common chunks become one token.', see: ['tokenizer'] },
  { id: 'chain-rule', term: 'Chain rule', definition: 'If a affects b and b affects c, then how much a affects c is the product of the two local rates. Backpropagation is the chain rule applied over and over.' },
  { id: 'computation-graph', term: 'Computation graph', definition: 'The record of a calculation: one node for every number computed, with arrows from the numbers it was computed from. Backpropagation walks it backwards.', see: ['autograd'] },
  { id: 'context-length', term: 'Context length', definition: `The most tokens the model can look at at once (block_size). microgpt's is ${f.blockSize}.`, see: ['kv-cache'] },
  { id: 'cross-entropy', term: 'Cross-entropy loss', definition: 'The loss for predicting a token: minus the log of the probability the model gave to the token that actually came next. Zero for a certain, correct guess.', see: ['loss'] },
  { id: 'dataset', term: 'Dataset', definition: 'The collection of documents a model learns from. Here: one name per line.', see: ['document'] },
  { id: 'document', term: 'Document', definition: 'One unit of training text. For microgpt each name is a document; for a large model, a web page or a book.' },
  { id: 'dot-product', term: 'Dot product', definition: 'Multiply two equally long lists of numbers position by position and add up the products. Every neuron, and every row of a matrix, computes one.', see: ['neuron'] },
  { id: 'dropout', term: 'Dropout', definition: 'A training trick: at each step, set a random fraction of a vector\'s entries to 0 (GPT-2: a tenth) and scale the rest up, so the network cannot lean on any single one. microgpt leaves it out.' },
  { id: 'embedding', term: 'Embedding', definition: 'A learned vector of numbers that stands for a token (or a position). The model looks it up in a table by id.', see: ['token'] },
  { id: 'entropy', term: 'Entropy', definition: 'How unsure a probability distribution is, in bits: −Σ p log₂ p. 0 when one outcome is certain, log₂ n when n outcomes are equally likely.', see: ['temperature'] },
  { id: 'forward-pass', term: 'Forward pass', definition: 'Running a model from its input to its output. It reads the parameters and changes none of them.', see: ['backpropagation'] },
  { id: 'gradient', term: 'Gradient', definition: 'How much the loss would change if a number were nudged up a little: a positive gradient means nudging the number up raises the loss (so training moves it down), and its size says how steep.', see: ['backpropagation'] },
  { id: 'greedy-decoding', term: 'Greedy decoding', definition: 'Generating by always taking the single most likely next token, with no randomness: the same prefix always gives the same text. It is sampling at temperature 0.', see: ['sampling', 'temperature'] },
  { id: 'gradient-descent', term: 'Gradient descent', definition: 'Improving parameters by repeatedly moving each one a small step against its gradient: new value = old value − learning rate × gradient. With one example per step it is called stochastic gradient descent (SGD).', see: ['gradient', 'learning-rate', 'adam'] },
  { id: 'head', term: 'Head', definition: 'One of several attention computations run side by side on separate slices of the vector, each free to look for a different pattern.', see: ['attention'] },
  { id: 'inference', term: 'Inference', definition: 'Using a trained model: running it forward to predict or generate, without changing its parameters.', see: ['sampling'] },
  { id: 'kv-cache', term: 'KV cache', definition: 'The keys and values of earlier positions, kept so that each new token only computes its own instead of recomputing everyone\'s.', see: ['attention'] },
  { id: 'layer', term: 'Layer', definition: 'A group of neurons that all read the same inputs; the outputs of one layer are the inputs of the next.', see: ['neuron', 'mlp'] },
  { id: 'learning-rate', term: 'Learning rate', definition: 'How big a step the optimizer takes against the gradient. Too small and learning crawls; too large and the loss jumps around or blows up.' },
  { id: 'learning-rate-decay', term: 'Learning-rate decay', definition: 'Lowering the learning rate as training goes on, so early steps cover ground and late ones settle. microgpt lowers it in a straight line towards 0 over its steps.', see: ['learning-rate', 'adam'] },
  { id: 'local-gradient', term: 'Local gradient', definition: 'How much one operation\'s output changes per unit change of one of its inputs, ignoring everything else in the graph. For c = a·b, the local gradient with respect to a is b.', see: ['chain-rule'] },
  { id: 'log-likelihood', term: 'Log-likelihood', definition: 'The natural logarithm of the probability a model gives a piece of text: the sum of ln p over its tokens, each p the probability of that token given the ones before it. Its negative, averaged per token, is the cross-entropy loss.', see: ['cross-entropy', 'loss'] },
  { id: 'logits', term: 'Logits', definition: 'The raw scores the model gives each possible next token, before softmax turns them into probabilities.', see: ['softmax'] },
  { id: 'loss', term: 'Loss', definition: 'A single number that measures how wrong the model is. Training means changing the parameters to make it smaller.', see: ['cross-entropy'] },
  { id: 'mean-squared-error', term: 'Mean squared error', definition: 'A loss for predicting numbers: the average of (prediction − target)² over the examples. Zero only when every prediction is exact.', see: ['loss'] },
  { id: 'memorisation', term: 'Memorisation', definition: 'A model reproducing an example from its training data rather than making a new one, such as a generated name that is already in the list it was trained on.', see: ['training', 'dataset'] },
  { id: 'mlp', term: 'MLP', definition: 'Multi-layer perceptron: layers of neurons, each a weighted sum followed by a nonlinearity. In a transformer it works on each position separately.', see: ['neuron', 'relu'] },
  { id: 'model', term: 'Model', definition: 'A function with adjustable numbers (parameters) that maps an input to a prediction. Training adjusts the numbers.' },
  { id: 'momentum', term: 'Momentum', definition: 'Stepping by a running mean of recent gradients instead of the latest one alone, so directions that many steps agree on build up and noise averages away.', see: ['adam', 'gradient-descent'] },
  { id: 'neuron', term: 'Neuron', definition: 'A weighted sum of inputs plus a bias, usually passed through a nonlinearity such as ReLU.' },
  { id: 'normalization', term: 'Normalization', definition: 'Rescaling a vector so its numbers stay in a steady range. microgpt uses RMSNorm: divide by the root mean square.', see: ['rmsnorm'] },
  { id: 'optimizer', term: 'Optimizer', definition: 'The rule that turns gradients into parameter updates, such as plain gradient descent or Adam.', see: ['adam'] },
  { id: 'overfitting', term: 'Overfitting (memorising)', definition: 'Learning the training documents themselves instead of the patterns they share: the loss on the training documents keeps falling while the loss on documents held out of training rises.', see: ['held-out-set', 'training'] },
  { id: 'held-out-set', term: 'Held-out set', definition: 'Documents kept out of training and used only to measure the loss, so that the measure shows how the model does on text it has never seen.', see: ['overfitting'] },
  { id: 'parameter', term: 'Parameter', definition: `A number the model learns. microgpt has ${int(f.parameters)} of them, arranged in named matrices.` },
  { id: 'query-key-value', term: 'Query, key, value', definition: 'Three vectors each position computes for attention: the query asks, the keys are matched against it, and the values are what gets mixed in.', see: ['attention'] },
  { id: 'relu', term: 'ReLU', definition: 'The function max(0, x): negative inputs become 0, positive ones pass through. It lets stacked layers bend.' },
  { id: 'residual', term: 'Residual connection', definition: 'Adding a block\'s input back to its output, so each block only has to learn a change and gradients flow straight through.' },
  { id: 'rmsnorm', term: 'RMSNorm', definition: 'Divide a vector by the square root of the mean of its squares (plus a tiny constant), so its typical size is 1.', see: ['normalization'] },
  { id: 'sampling', term: 'Sampling', definition: 'Picking the next token at random according to the model\'s probabilities, possibly reshaped by temperature, top-k or top-p.', see: ['temperature'] },
  { id: 'seed', term: 'Seed', definition: 'The number a pseudo-random generator starts from. The same seed always produces the same sequence, so a shuffle or an initialisation can be repeated exactly.', see: ['shuffle'] },
  { id: 'self-attention', term: 'Self-attention', definition: 'Attention in which a sequence attends to itself: every position builds its queries, keys and values from the same sequence.', see: ['attention'] },
  { id: 'shuffle', term: 'Shuffle', definition: 'Putting the documents in random order before training, so the model does not see, say, every name starting with "a" first.' },
  { id: 'smoothing', term: 'Smoothing (add-k)', definition: 'Adding a small number k to every count before turning counts into probabilities, so nothing that was never seen gets probability 0 (and an infinite loss). With k = 1 it is called add-one or Laplace smoothing, the kind microgpt\'s counting baseline uses.', see: ['bigram-model'] },
  { id: 'softmax', term: 'Softmax', definition: 'Turns a list of scores into probabilities: exponentiate each, then divide by the total. Bigger scores get more of the probability.', see: ['logits'] },
  { id: 'surprisal', term: 'Surprisal', definition: 'How surprised a model is by what actually came: −ln of the probability it gave it. Zero for a certain guess, large for an unlikely one; a document\'s loss is the mean surprisal of its next tokens.', see: ['cross-entropy', 'loss'] },
  { id: 'temperature', term: 'Temperature', definition: 'A number that divides the logits before softmax. Below 1 it sharpens the distribution, above 1 it flattens it; 0 means always pick the top token.', see: ['sampling'] },
  { id: 'tensor', term: 'Tensor', definition: 'A grid of numbers with any number of dimensions: a vector is 1-D, a matrix 2-D. microgpt works on single numbers instead, to stay readable.' },
  { id: 'token', term: 'Token', definition: 'One unit of text the model reads or writes, identified by an integer id. In microgpt a token is a single character or BOS.', see: ['tokenizer'] },
  { id: 'tokenizer', term: 'Tokenizer', definition: 'The code that turns text into token ids and back.', see: ['token', 'bpe'] },
  { id: 'top-k', term: 'Top-k sampling', definition: 'Sampling from only the k most likely next tokens, their probabilities divided by their total so that they sum to 1 again.', see: ['top-p', 'sampling'] },
  { id: 'top-p', term: 'Top-p (nucleus) sampling', definition: 'Sampling from only the fewest most likely tokens whose probabilities add up to at least p, renormalised. A sure model keeps few tokens, an unsure one many.', see: ['top-k', 'sampling'] },
  { id: 'topological-order', term: 'Topological order', definition: 'An order of a graph\'s nodes in which every node comes after all the nodes it was computed from. Backpropagation visits the nodes in the reverse of such an order.', see: ['backpropagation', 'computation-graph'] },
  { id: 'training', term: 'Training', definition: 'Repeatedly measuring the loss on data and nudging every parameter against its gradient.', see: ['loss', 'optimizer'] },
  { id: 'uniform-guess', term: 'Uniform guess', definition: `Giving every token the same probability, 1 over the vocabulary size. Its loss, ln ${f.vocabSize} for microgpt, is what a model that knows nothing scores.`, see: ['baseline', 'cross-entropy'] },
  { id: 'vocabulary', term: 'Vocabulary', definition: `The set of all tokens a tokenizer knows. microgpt's has ${f.vocabSize}: the letters a to z and BOS.`, see: ['token'] },
  { id: 'weight', term: 'Weight', definition: 'A learned number that multiplies one input of a neuron: how much that input counts, and with which sign.', see: ['neuron', 'parameter'] },
  { id: 'one-hot', term: 'One-hot', definition: 'A list of numbers that is 1 in one place and 0 everywhere else. Attention with one-hot weights returns exactly one position\'s value, like a dictionary lookup.', see: ['attention', 'softmax'] },
  { id: 'layernorm', term: 'LayerNorm', definition: 'The normalization GPT-2 uses: subtract the vector\'s mean, divide by its standard deviation, then multiply by a learned gain and add a learned bias. microgpt uses the simpler RMSNorm instead.', see: ['rmsnorm', 'normalization'] },
  { id: 'gelu', term: 'GeLU', definition: 'A smooth version of ReLU used by GPT-2: large positive inputs pass, large negative ones become 0, and small negative ones come out slightly below 0. microgpt uses ReLU.', see: ['relu'] },
  { id: 'rope', term: 'RoPE (rotary position embedding)', definition: 'A way to tell attention where tokens are without a table of position vectors: each query and key is rotated by an angle that grows with its position, so their dot product depends on how far apart they are. It learns no parameters.', see: ['query-key-value', 'embedding'] },
  { id: 'grouped-query-attention', term: 'Grouped-query attention (GQA)', definition: 'Attention where several query heads share one key head and one value head. The KV cache shrinks by the ratio of query heads to key/value heads.', see: ['head', 'kv-cache'] },
  { id: 'swiglu', term: 'SwiGLU', definition: 'A gated MLP: the input goes through two matrices, one passed through the smooth SiLU nonlinearity and used as a gate that multiplies the other, before the third matrix brings it back to the residual width.', see: ['mlp', 'relu'] },
  { id: 'mixture-of-experts', term: 'Mixture of experts (MoE)', definition: 'A layer holding several MLPs (the experts) and a small router that picks a few of them for each token, so the model stores many parameters but each token uses only some.', see: ['mlp'] },
  { id: 'mixed-precision', term: 'Mixed precision', definition: 'Storing and multiplying most numbers in a short format (bf16, fp8: 2 or 1 bytes) while keeping a few sensitive ones, like sums and the optimizer\'s state, in a longer one (fp32). microgpt uses 8-byte float64 throughout.', see: ['quantization'] },
  { id: 'quantization', term: 'Quantization', definition: 'Storing a trained model\'s weights (and sometimes its KV cache) in fewer bits, such as 8 or 4 per number, to save memory and time at the cost of a little accuracy.', see: ['mixed-precision'] },
  { id: 'fine-tuning', term: 'Supervised fine-tuning (SFT)', definition: 'Training a pretrained model a little further on examples of the behaviour wanted, such as questions paired with good answers, with the same next-token loss.', see: ['training', 'rlhf'] },
  { id: 'rlhf', term: 'RLHF and RL with verifiable rewards', definition: 'Reinforcement learning after pretraining: the model generates answers, a score says how good each was (a model of human preferences, or a check such as a passing test or a correct result), and training makes better-scored answers more likely.', see: ['fine-tuning'] },
  { id: 'speculative-decoding', term: 'Speculative decoding', definition: 'A faster way to generate from a big model: a small model guesses several tokens, the big model checks them all in one forward pass and keeps the ones it agrees with, with the same result as sampling from the big model alone.', see: ['sampling', 'inference'] },
  { id: 'paged-attention', term: 'Paged KV cache', definition: 'Keeping each sequence\'s KV cache in small fixed-size blocks allocated as it grows, like pages of memory, so a server can fit many sequences of different lengths without waste (vLLM\'s PagedAttention).', see: ['kv-cache'] },

];

const byId = new Map(glossary.map((e) => [e.id, e]));

/** The entry for an id; throws (failing the build) for an unknown id. */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`<Term id="${id}">: no glossary entry with that id (see src/components/glossary.ts)`);
  return entry;
}
