// The whole program, explained: one entry per group of lines of the listing, in the listing's
// order. `first` is the group's first line as it reads in the file (trimmed), `lines` how many
// lines the group spans (1 unless given); `py` names the same group's lines in the Python twin
// (src/engine/microgpt.py) the same way, and an entry with `py` only explains lines the twin
// alone has. Line numbers are never written here, so an edit to the engine or the twin moves an
// explanation with its code; the build fails if a line on either side is left without an
// explanation or an explanation names a line that is gone.

import type { ProgramGroup } from '../../src/components/program/types.ts';
import { initStd } from '../../src/facts/init.ts';
import { presets } from '../../src/facts/sizes.ts';

const sizes = presets.microgpt;

const data = 'src/engine/data.ts';
const tok = 'src/engine/tokenizer.ts';
const value = 'src/engine/value.ts';
const params = 'src/engine/params.ts';
const nn = 'src/engine/nn.ts';
const model = 'src/engine/model.ts';
const loss = 'src/engine/loss.ts';
const adam = 'src/engine/adam.ts';
const train = 'src/engine/train.ts';
const run = 'src/engine/run.ts';
const sample = 'src/engine/sample.ts';

export const programGroups: readonly ProgramGroup[] = [
  // ── data ──────────────────────────────────────────────────────────────────────────────
  {
    file: data, first: "/** Python's whitespace (str.isspace): what microgpt's line.strip() removes from both ends. */", lines: 2,
    text: 'The characters Python counts as whitespace, written out one by one. JavaScript\'s `trim()` disagrees with Python about a few of them, and one character kept or dropped would give a different list of documents, so we do not borrow it.',
    see: [{ chapter: 'dataset', section: 'from-a-file-to-a-list-of-strings' }],
  },
  {
    file: data, first: "/** Python's str.strip(). JavaScript's trim() differs: it also drops a byte-order mark and keeps \\x1c–\\x1f and \\x85. */", lines: 8,
    text: '`strip` walks in from both ends of a line while it sees whitespace and keeps what lies between: Python\'s `line.strip()`, rebuilt so that a stray tab or carriage return at either end never becomes part of a name.',
    see: [{ chapter: 'dataset', section: 'from-a-file-to-a-list-of-strings' }],
  },
  {
    file: data, first: '/** The lines of a text: a line ends at \\n, \\r\\n or a lone \\r, as in a Python text file. */', lines: 4,
    text: 'A file becomes lines. Windows ends a line with `\\r\\n` and old Macs with a lone `\\r`; Python\'s text files accept all three, and so does this.',
    see: [{ chapter: 'dataset', section: 'from-a-file-to-a-list-of-strings' }],
  },
  {
    file: data, first: '/** Split text into documents: one per line, surrounding whitespace stripped, blank lines dropped. */', lines: 4,
    py: { first: "def read_documents(path):", lines: 5 },
    text: 'The whole of loading the dataset: split into lines, strip each, drop the empty ones. What is left is the list of documents, one name each, that training will shuffle and read one at a time.',
    see: [{ chapter: 'dataset', section: 'documents' }, { chapter: 'dataset', section: 'from-a-file-to-a-list-of-strings' }],
  },
  // ── tokenizer ─────────────────────────────────────────────────────────────────────────
  {
    file: tok, first: '/** Characters ↔ token ids. Ids 0..n-1 are the sorted characters; BOS is id n. */', lines: 2,
    py: { first: "class Tokenizer:", lines: 2 },
    text: 'The tokenizer turns characters into ids and back, and carries out chapter 2\'s three decisions: one unit, one token, is one character; the vocabulary is every character of the dataset, plus one extra token, BOS, for the edges of a document; and a character\'s id is its position after sorting.',
    see: [{ chapter: 'tokenizer', section: 'three-decisions' }],
  },
  {
    file: tok, first: 'readonly chars: readonly string[];', lines: 4,
    text: 'What a tokenizer holds: the characters in id order, the id of BOS, how many tokens there are in all, and a map from each character to its id for encoding.',
    see: [{ chapter: 'tokenizer', section: 'the-vocabulary' }],
  },
  {
    file: tok, first: 'constructor(chars: readonly string[]) {', lines: 6,
    py: { first: "def __init__(self, chars):", lines: 5 },
    text: 'BOS gets the first id after the characters, so the letters keep ids 0 up to one less than their count and the vocabulary is one larger than the alphabet. The map is built once here so that `encode` is a lookup per character.',
    see: [{ chapter: 'tokenizer', section: 'bos-one-token-for-both-edges' }],
  },
  {
    file: tok, first: '/** The vocabulary of a dataset: its distinct characters, sorted by code point. */', lines: 6,
    py: { first: "@staticmethod", lines: 3 },
    text: 'The vocabulary is every character that appears anywhere in the dataset, each once, sorted. Sorting makes the ids depend only on which characters occur, never on the order of the names.',
    see: [{ chapter: 'tokenizer', section: 'the-vocabulary' }],
  },
  {
    file: tok, first: '/** Token ids of a text, without BOS. Throws UnknownCharacterError naming every bad character. */', lines: 2,
    py: { first: "def encode(self, text):", lines: 2 },
    text: '`encode` turns text into ids, one per character. It adds no BOS: that is the job of `encodeDocument` below.',
    see: [{ chapter: 'tokenizer', section: 'encode-and-decode' }],
  },
  {
    file: tok, first: 'const ids: number[] = [];', lines: 9,
    py: { first: "unknown = [ch for ch in text if ch not in self.stoi]", lines: 1 },
    text: 'Each character is looked up in the map. One the vocabulary lacks is not skipped silently: it is remembered with its position, so the error can name every bad character at once.',
    see: [{ chapter: 'tokenizer', section: 'characters-outside-the-vocabulary' }],
  },
  {
    file: tok, first: 'if (unknown.length > 0) throw new UnknownCharacterError(unknown);', lines: 3,
    py: { first: "if unknown:", lines: 3 },
    text: 'Any unknown character refuses the whole text. A model can only read the tokens it was trained with; there is no id to give a character it never saw.',
    see: [{ chapter: 'tokenizer', section: 'characters-outside-the-vocabulary' }],
  },
  {
    file: tok, first: '/** A document as the model sees it in training: [BOS, ...ids, BOS]. */', lines: 4,
    py: { first: "def encode_document(self, doc):", lines: 3 },
    text: 'A document for training: BOS, the ids of its characters, BOS again. The first BOS gives the first letter something to be predicted from; the last is what the model must predict to say the name is over.',
    see: [{ chapter: 'tokenizer', section: 'from-a-name-to-training-examples' }, { chapter: 'training', section: 'the-tokens-with-bos-on-both-sides' }],
    trace: { kind: 'tokens' },
  },
  {
    file: tok, first: '/** Text of token ids; BOS is dropped. */', lines: 4,
    py: { first: "def decode(self, ids):", lines: 3 },
    text: '`decode` is `encode` backwards, with BOS left out: a generated name comes back as plain text.',
    see: [{ chapter: 'tokenizer', section: 'encode-and-decode' }],
  },
  {
    file: tok, first: '/** A printable label for one id: its character, or "BOS". */', lines: 7,
    text: 'One id as something to print. An id outside the vocabulary is a bug in whoever asked, so it throws instead of printing nonsense.',
    see: [{ chapter: 'tokenizer', section: 'encode-and-decode' }],
  },
  // ── Value ─────────────────────────────────────────────────────────────────────────────
  {
    file: value, first: '/** A scalar in a computation graph: its value, the gradient of the loss w.r.t. it, and how it was made. */', lines: 2,
    py: { first: "class Value:", lines: 2 },
    text: 'The `Value` class is microgpt\'s autograd: every number the model computes is one of these, and each remembers how it was made so the gradient can flow back through it.',
    see: [{ chapter: 'autograd', section: 'the-engines-value' }],
  },
  {
    file: value, first: 'data: number;', lines: 2,
    py: { first: "__slots__ = ('data', 'grad', '_children', '_local_grads')", lines: 1 },
    text: '`data` is the number itself; `grad` is how much the loss would change per unit change of it, filled in by `backward()` and zero until then.',
    see: [{ chapter: 'autograd', section: 'stage-1-a-box-around-a-number' }, { chapter: 'autograd', section: 'what-a-gradient-measures' }],
  },
  {
    file: value, first: '// At most two children: every primitive is unary or binary. Plain fields, not', lines: 7,
    text: 'The children this Value was computed from and the local gradient with respect to each, stored when the Value is made. microgpt keeps them in two tuples; four plain fields (`a`, `b`, `da`, `db`) do the same job with less memory, which matters when one training step makes a great many Values.',
    see: [{ chapter: 'autograd', section: 'stage-3-remembering-the-children' }, { chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: "constructor(data: number, a: Value | null = null, da = 0, b: Value | null = null, db = 0, op = '') {", lines: 8,
    py: { first: "def __init__(self, data, children=(), local_grads=()):", lines: 5 },
    text: 'A leaf, such as a parameter, is made with its number alone. Every operation below passes its children and their local gradients as well; `op` is a label for drawing the graph.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: '/** The Values this one was computed from. */', lines: 9,
    text: 'The same children and local gradients as lists, in microgpt\'s shape (`_children`, `_local_grads`), for code that wants to walk the graph.',
    see: [{ chapter: 'autograd', section: 'any-expression-as-a-graph' }],
  },
  {
    file: value, first: 'add(other: Value | number): Value {', lines: 4,
    py: { first: "def __add__(self, other):", lines: 3 },
    text: 'Addition: the sum, and a local gradient of 1 towards each side, because nudging either input moves the sum by the same amount.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: 'mul(other: Value | number): Value {', lines: 4,
    py: { first: "def __mul__(self, other):", lines: 3 },
    text: 'Multiplication: the local gradient towards each side is the other side\'s value. This one line is why a weight\'s gradient is the input it multiplied.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: 'pow(k: number): Value {', lines: 3,
    py: { first: "def __pow__(self, k):", lines: 2 },
    text: 'A power with a constant exponent: the rule k·x^(k−1) from calculus. Division and RMSNorm\'s inverse square root are built from it.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: 'log(): Value {', lines: 3,
    py: { first: "def log(self):", lines: 2 },
    text: 'The natural logarithm, with local gradient 1/x. The loss is a log of a probability, so every gradient in training flows back through one of these.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }, { chapter: 'mlp', section: 'how-wrong-was-the-guess-log-p' }],
  },
  {
    file: value, first: 'exp(): Value {', lines: 4,
    py: { first: "def exp(self):", lines: 3 },
    text: 'The exponential is its own derivative, so the local gradient is the result itself. Softmax is made of these.',
    see: [{ chapter: 'autograd', section: 'stage-4-local-gradients' }],
  },
  {
    file: value, first: 'relu(): Value {', lines: 3,
    py: { first: "def relu(self):", lines: 2 },
    text: 'ReLU keeps a positive number and turns a negative one into 0. Its gradient is 1 where it let the number through and 0 where it switched it off: a switched-off unit passes no gradient back.',
    see: [{ chapter: 'neuron', section: 'step-3-a-bend' }, { chapter: 'autograd', section: 'stage-4-local-gradients' }, { chapter: 'mlp', section: 'relu-switching-units-off' }],
  },
  {
    file: value, first: '// Derived ops: built from the primitives above, so they need no gradient of their own.', lines: 4,
    py: { first: "# derived ops: built from the primitives above, so they need no gradient of their own", lines: 2 },
    text: 'Negation is multiplication by −1. Because it is built from `mul`, its gradient comes for free.',
    see: [{ chapter: 'autograd', section: 'the-engines-value' }, { chapter: 'autograd', section: 'any-expression-as-a-graph' }],
  },
  {
    file: value, first: 'sub(other: Value | number): Value {', lines: 3,
    py: { first: "def __sub__(self, other): return self + (-other)", lines: 1 },
    text: 'Subtraction is adding the negation: again no new gradient rule.',
    see: [{ chapter: 'autograd', section: 'the-engines-value' }, { chapter: 'autograd', section: 'any-expression-as-a-graph' }],
  },
  {
    file: value, first: 'div(other: Value | number): Value {', lines: 3,
    py: { first: "def __truediv__(self, other): return self * other ** -1", lines: 1 },
    text: 'Division is multiplying by the power −1, as in microgpt. Softmax divides by the total this way.',
    see: [{ chapter: 'autograd', section: 'the-engines-value' }, { chapter: 'autograd', section: 'any-expression-as-a-graph' }],
  },
  {
    py: { first: "def __radd__(self, other): return self + other", lines: 2 },
    text: "Python works out `2 + v` by asking the number first; a number knows nothing of Values, so Python then asks the Value on the right, through `__radd__` (and `__rmul__` for `2 * v`). With these two a plain number may stand on either side of a Value. TypeScript has no operators to overload, so the engine writes `v.add(2)` and never needs them.",
    see: [{ chapter: 'autograd', section: 'stage-2-operators' }],
  },
  {
    file: value, first: '/** Fill .grad of every Value this one depends on with ∂this/∂(that Value); grads accumulate with +=. */', lines: 4,
    py: { first: "def backward(self):", lines: 4 },
    text: '`backward()` starts by putting every Value the loss depends on in topological order, children before parents (`topologicalOrder`, an iterative depth-first search, sits just below the class in src/engine/value.ts; it is long and about JavaScript rather than gradients, so this listing leaves it out, and chapter 4 shows it under “a sort without recursion”; the Python side has its own, below). The loss\'s gradient with respect to itself is 1.',
    see: [{ chapter: 'autograd', section: 'stage-5-backward' }, { chapter: 'autograd', section: 'optional-reading-a-sort-without-recursion' }],
  },
  {
    file: value, first: 'for (let i = order.length - 1; i >= 0; i--) {', lines: 7,
    py: { first: "for v in reversed(topo):", lines: 4 },
    text: 'Walk the order backwards, from the loss towards the parameters, and hand each Value\'s gradient to its children times the local gradient: the chain rule. The `+=` matters: a Value used in two places gets the sum of both paths\' contributions.',
    see: [{ chapter: 'autograd', section: 'the-chain-rule' }, { chapter: 'autograd', section: 'backprop-one-node-at-a-time' }],
  },
  // ── parameters ────────────────────────────────────────────────────────────────────────
  {
    py: { first: "def topological_order(root):", lines: 6 },
    text: "`backward` must reach each Value only after every Value that was computed from it, so that its gradient is complete before it is passed on to its own children. This puts every Value the loss depends on in such an order, children first. The TypeScript engine's `topologicalOrder` (src/engine/value.ts, below the class) does the same job with a stack of its own; the listing leaves it out on that side, and chapter 4 shows it.",
    see: [{ chapter: 'autograd', section: 'backprop-one-node-at-a-time' }, { chapter: 'autograd', section: 'optional-reading-a-sort-without-recursion' }],
  },
  {
    py: { first: "topo, visited = [], {root}", lines: 13 },
    text: "A depth-first walk without recursion. The stack holds each Value being visited with an iterator over the children it has still to visit: an unseen child is pushed and walked first, and a Value whose children are all done is popped and appended after them. Recursion would be shorter, but a whole document's graph is far deeper than Python lets functions call each other.",
    see: [{ chapter: 'autograd', section: 'stage-5-backward' }],
  },
  {
    file: value, first: "/** Sum of Values left to right (Python's sum() over Values, without its leading 0). */", lines: 6,
    py: { first: "def vsum(xs):", lines: 3 },
    text: "`sum` adds Values left to right, starting from the first: softmax's total, RMSNorm's mean square, a head's weighted values and the document's loss are all made with it. Python's `sum()` starts from the number 0, which puts one more node in every sum's graph; microgpt uses it so, and the numbers are the same, but the engine and the twin keep their graphs node for node alike.",
    see: [{ chapter: 'autograd', section: 'any-expression-as-a-graph' }],
  },
  // ── sizes ─────────────────────────────────────────────────────────────────────────────
  {
    file: 'src/engine/config.ts', first: '/** Hyperparameters that fix every matrix shape. */', lines: 8,
    py: { first: "# microgpt's sizes; configure() replaces them for another dataset or a weights file", lines: 7 },
    text: "The model's five sizes: the vocabulary (BOS included), the width of the residual stream, the number of attention heads, of layers, and the longest context, which is also the number of position embeddings. Every matrix's shape follows from them. The engine passes them around as one `GPTConfig`; microgpt has them as names at the top of the module, with `head_dim`, each head's share of the width.",
    see: [{ chapter: 'mlp', section: 'counting-the-parameters' }],
  },
  {
    file: 'src/engine/config.ts', first: "/** The named presets: every size but the vocabulary's, which comes from the data. */", lines: 5,
    text: `microgpt's sizes: a stream ${sizes.nEmbd} numbers wide, ${sizes.nHead} heads, ${sizes.nLayer} layer${sizes.nLayer === 1 ? '' : 's'} and a context of ${sizes.blockSize} positions; the vocabulary's size comes from the dataset: its characters, and BOS. The toy is the two-dimensional model chapters 5 and 6 draw.`,
    see: [{ chapter: 'mlp', section: 'counting-the-parameters' }, { chapter: 'attention', section: 'four-heads-in-the-real-model' }],
  },
  {
    file: 'src/engine/config.ts', first: '/** Dimensions of one attention head. */', lines: 4,
    text: 'The width of one attention head: the stream split evenly among the heads (a config whose width the heads do not divide is refused when it is made).',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
  },
  {
    py: { first: "def configure(config):", lines: 6 },
    text: "`configure` sets the sizes when the twin trains on another dataset (another vocabulary) or reads a weights file of another shape. `global` lets a function assign to the module's names instead of making local ones.",
    see: [{ chapter: 'mlp', section: 'where-the-parameters-live' }],
  },
  {
    file: params, first: "/** Each matrix's name and [rows, cols], in microgpt's order (which fixes the order of initialisation). */", lines: 7,
    py: { first: "def matrix_shapes():", lines: 5 },
    text: 'The matrices outside the layer: a row per token (`wte`), a row per position (`wpe`), and `lm_head`, which turns the final vector into a score per token. Their order matters: the random numbers are drawn in this order, so the same seed gives microgpt\'s weights.',
    see: [{ chapter: 'mlp', section: 'where-the-parameters-live' }],
  },
  {
    file: params, first: 'for (let i = 0; i < c.nLayer; i++) {', lines: 12,
    py: { first: "for i in range(n_layer):", lines: 5 },
    text: 'Each layer\'s six matrices: query, key, value and output for attention, then the MLP\'s two, four times wider in the middle. All rows are `[nout][nin]`, so `linear` reads one row per output.',
    see: [{ chapter: 'mlp', section: 'counting-the-parameters' }],
  },
  {
    file: params, first: "/** The standard deviation of microgpt's fresh weights (std=0.08 in microgpt.py). */", lines: 2,
    text: `How spread out the starting weights are: a standard deviation of ${initStd}, the value microgpt.py uses, so about two in three fresh weights start between −${initStd} and ${initStd}.`,
    see: [{ chapter: 'neuron', section: 'the-same-network-as-code' }],
  },
  {
    file: params, first: '/** Fresh parameters: each entry drawn from a Gaussian with mean 0 and the given std, row by row. */', lines: 8,
    py: { first: "def init_state_dict(std=0.08):", lines: 4 },
    text: 'The starting weights: small random numbers from a Gaussian, drawn matrix by matrix and row by row from the seeded generator. Small, so that the untrained model starts out guessing nearly uniformly.',
    see: [{ chapter: 'training', section: 'where-the-loss-starts' }],
  },
  // ── building blocks ───────────────────────────────────────────────────────────────────
  {
    py: { first: "state_dict = {}  # name -> [nout][nin] Values; set by main()", lines: 2 },
    text: "The parameters themselves: `state_dict` maps each matrix's name to its rows of Values, and `params` lays every one of those Values end to end, in the order Adam walks them. `train` fills both.",
    see: [{ chapter: 'mlp', section: 'where-the-parameters-live' }, { chapter: 'training', section: 'the-update' }],
  },
  {
    file: nn, first: '/** Matrix–vector product: one dot product per row. x: [nin], w: [nout][nin] → [nout]. No bias. */', lines: 4,
    py: { first: "def linear(x, w):", lines: 3 },
    text: '`linear` is a layer of neurons without biases: each row of the matrix is one neuron\'s weights, and its output is the dot product of that row with the input.',
    see: [{ chapter: 'neuron', section: 'step-4-many-inputs' }, { chapter: 'mlp', section: 'wider-a-detector-per-unit' }],
  },
  {
    file: nn, first: '/** Σ a[i]·b[i], summed left to right (the same graph as sum(a[i].mul(b[i]))). [n], [n] → scalar */', lines: 6,
    text: 'The dot product: multiply pairwise and add up, left to right, as microgpt\'s `sum(wi * xi for …)` does: the same additions in the same order, so the same rounding (microgpt\'s `sum` also adds a leading 0, one more node that changes no number).',
    see: [{ chapter: 'neuron', section: 'step-4-many-inputs' }],
  },
  {
    file: nn, first: '/** Scores → probabilities, [n] → [n]. Subtracting the max first keeps exp() from overflowing; the result is the same. */', lines: 7,
    py: { first: "def softmax(logits):", lines: 6 },
    text: 'Softmax: exponentiate every score and divide by the total, so the results are positive and add up to 1. Subtracting the largest score first changes nothing in the result but keeps `exp` from overflowing.',
    see: [{ chapter: 'mlp', section: 'scores-into-probabilities-softmax' }, { chapter: 'attention', section: 'scores-then-weights' }],
  },
  {
    file: nn, first: '/** Rescale x to unit root-mean-square (no learned gain, as in microgpt). [n] → [n] */', lines: 6,
    py: { first: "def rmsnorm(x):", lines: 5 },
    text: 'RMSNorm: divide the vector by its root mean square, so whatever its size it comes out with a typical entry near 1. The tiny constant keeps an all-zero vector from dividing by zero.',
    see: [{ chapter: 'mlp', section: 'rmsnorm-once-more' }],
  },
  // ── the model ─────────────────────────────────────────────────────────────────────────
  {
    file: model, first: '/** An empty KV cache for a model with nLayer layers. */', lines: 4,
    text: 'An empty cache of keys (or values): one list per layer, with no position in it yet. Each call of `gpt()` appends one position to each layer\'s list. The loss below makes a fresh one for every document.',
    see: [{ chapter: 'attention', section: 'the-kv-cache' }],
  },
  {
    file: model, first: '/** Elementwise a + b (a residual connection, or the two embeddings). [n], [n] → [n] */', lines: 2,
    text: 'Two vectors added entry by entry: the two embeddings, and each residual connection. In Python this is the `zip` in each of those lines.',
    see: [{ chapter: 'attention', section: 'the-residual-stream' }, { chapter: 'attention', section: 'embeddings-what-and-where' }],
  },
  {
    file: model, first: '/**', lines: 6,
    py: { first: "def gpt(token_id, pos_id, keys, values):", lines: 3 },
    text: '`gpt()` is the model: one token at one position in, a score for every possible next token out. Earlier positions are seen only through the cache of their keys and values, which each call extends by one.',
    see: [{ chapter: 'mlp', section: 'the-whole-model-on-one-page' }, { chapter: 'attention', section: 'the-kv-cache' }],
  },
  {
    file: model, first: 'const { config, params: sd } = model;', lines: 2,
    text: 'The sizes and the state dict, and the width of one attention head: the embedding split evenly among the heads.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
  },
  {
    file: model, first: "const tokEmb = sd['wte'][token]; // token embedding [nEmbd]",
    py: { first: "tok_emb = state_dict['wte'][token_id]  # [n_embd]", lines: 1 },
    text: 'The token\'s embedding is simply its row of `wte`: a learned vector that says what this character is.',
    see: [{ chapter: 'attention', section: 'embeddings-what-and-where' }],
    trace: { kind: 'vector', point: 'tokEmb' },
  },
  {
    file: model, first: "const posEmb = sd['wpe'][pos]; // position embedding [nEmbd]",
    py: { first: "pos_emb = state_dict['wpe'][pos_id]  # [n_embd]", lines: 1 },
    text: 'The position\'s embedding, its row of `wpe`: a learned vector that says where in the name we are.',
    see: [{ chapter: 'attention', section: 'embeddings-what-and-where' }],
    trace: { kind: 'vector', point: 'posEmb' },
  },
  {
    file: model, first: 'let x = add(tokEmb, posEmb); // token row plus position row', lines: 2,
    py: { first: "x = [te + pe for te, pe in zip(tok_emb, pos_emb)]  # token row plus position row", lines: 1 },
    text: 'Added entry by entry, the two become one vector that carries both what and where. The `rec?.(…)` calls hand intermediates to the trace that feeds this page\'s live values; the math ignores them.',
    see: [{ chapter: 'attention', section: 'embeddings-what-and-where' }],
    trace: { kind: 'vector', point: 'embSum' },
  },
  {
    file: model, first: "x = rmsnorm(x); rec?.('embNorm', x);",
    py: { first: "x = rmsnorm(x)", lines: 1 },
    text: 'Normalised once before the layer, as microgpt does.',
    see: [{ chapter: 'mlp', section: 'rmsnorm-once-more' }],
    trace: { kind: 'vector', point: 'embNorm' },
  },
  {
    file: model, first: 'for (let li = 0; li < config.nLayer; li++) {', lines: 2,
    py: { first: "for li in range(n_layer):", lines: 2 },
    text: 'One pass through each layer: attention, then the MLP. microgpt has a single layer, so this loop runs once.',
    see: [{ chapter: 'mlp', section: 'the-transformer-block-and-what-microgpt-leaves-out' }],
  },
  {
    file: model, first: "let xResidual = x; rec?.('input', x);",
    py: { first: "x_residual = x", lines: 1 },
    text: 'Keep the stream as it enters attention: the block will add its result to this, not replace it.',
    see: [{ chapter: 'attention', section: 'the-residual-stream' }],
    trace: { kind: 'vector', point: 'input' },
  },
  {
    file: model, first: "x = rmsnorm(x); rec?.('norm1', x);",
    py: { first: "x = rmsnorm(x)", lines: 1 },
    text: 'Normalise before attention, so the queries, keys and values are computed from a vector of steady size.',
    see: [{ chapter: 'mlp', section: 'rmsnorm-once-more' }],
    trace: { kind: 'vector', point: 'norm1' },
  },
  {
    file: model, first: "const q = linear(x, sd[`layer${li}.attn_wq`]); // [nEmbd]",
    py: { first: "q = linear(x, state_dict[f'layer{li}.attn_wq'])  # [n_embd]", lines: 1 },
    text: 'The query: what this position is looking for among the positions so far.',
    see: [{ chapter: 'attention', section: 'three-views-of-one-position' }],
    trace: { kind: 'vector', point: 'q' },
  },
  {
    file: model, first: "const k = linear(x, sd[`layer${li}.attn_wk`]);",
    py: { first: "k = linear(x, state_dict[f'layer{li}.attn_wk'])", lines: 1 },
    text: 'The key: what this position offers to the queries of this and later positions.',
    see: [{ chapter: 'attention', section: 'three-views-of-one-position' }],
    trace: { kind: 'vector', point: 'k' },
  },
  {
    file: model, first: "const v = linear(x, sd[`layer${li}.attn_wv`]);", lines: 2,
    py: { first: "v = linear(x, state_dict[f'layer{li}.attn_wv'])", lines: 1 },
    text: 'The value: what this position hands over to whoever attends to it. Three matrices, three different views of the same vector.',
    see: [{ chapter: 'attention', section: 'three-views-of-one-position' }],
    trace: { kind: 'vector', point: 'v' },
  },
  {
    file: model, first: 'keys[li].push(k);', lines: 2,
    py: { first: "keys[li].append(k)", lines: 2 },
    text: 'This position\'s key and value join the cache. From now on every later position can attend to it, and none of this work is done again.',
    see: [{ chapter: 'attention', section: 'the-kv-cache' }],
    trace: { kind: 'vector', point: 'k' },
  },
  {
    file: model, first: 'const xAttn: Value[] = [];', lines: 2,
    py: { first: "x_attn = []", lines: 2 },
    text: 'Attention runs once per head, each on its own slice of the dimensions; their outputs are collected side by side in `xAttn`.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: 'const hs = h * hd; // this head\'s slice of the nEmbd dimensions', lines: 4,
    py: { first: "hs = h * head_dim  # this head's slice of the n_embd dimensions", lines: 4 },
    text: 'The head\'s slice of the query, and of every cached key and value: `t` is the number of positions so far, this one included.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: 'const attnLogits = kh.map((kt) => dot(qh, kt).div(Math.sqrt(hd))); // [t]',
    py: { first: "attn_logits = [vsum([q_h[j] * k_t[j] for j in range(head_dim)]) / math.sqrt(head_dim) for k_t in k_h]  # [t]", lines: 1 },
    text: 'A score for each position so far: how well its key matches this query, a dot product divided by the square root of the head\'s width so the scores do not grow with the width.',
    see: [{ chapter: 'attention', section: 'scores-then-weights' }, { chapter: 'attention', section: 'why-divide-by-d' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: 'const attnWeights = softmax(attnLogits); // [t]',
    py: { first: "attn_weights = softmax(attn_logits)  # [t]", lines: 1 },
    text: 'Softmax turns the scores into weights that add up to 1: how much of each position\'s value this position takes.',
    see: [{ chapter: 'attention', section: 'scores-then-weights' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: 'const headOut = Array.from({ length: hd }, (_, j) => sum(attnWeights.map((w, t) => w.mul(vh[t][j])))); // [hd]',
    py: { first: "head_out = [vsum([attn_weights[t] * v_h[t][j] for t in range(len(v_h))]) for j in range(head_dim)]  # [head_dim]", lines: 1 },
    text: 'The head\'s output: the values of the positions so far, averaged with those weights. This is the soft lookup: not one position\'s value, but a blend.',
    see: [{ chapter: 'attention', section: 'attention-as-a-soft-lookup' }, { chapter: 'attention', section: 'one-attention-step-up-close' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: "rec?.('scores', attnLogits); rec?.('weights', attnWeights); rec?.('out', headOut);", lines: 3,
    py: { first: "x_attn.extend(head_out)", lines: 1 },
    text: 'The head\'s output is appended to the others\'.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
    trace: { kind: 'heads' },
  },
  {
    file: model, first: "rec?.('attnConcat', xAttn);",
    text: 'All heads\' outputs side by side: one vector as wide as the stream again.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
    trace: { kind: 'vector', point: 'attnConcat' },
  },
  {
    file: model, first: "x = linear(xAttn, sd[`layer${li}.attn_wo`]); rec?.('attnOut', x);",
    py: { first: "x = linear(x_attn, state_dict[f'layer{li}.attn_wo'])", lines: 1 },
    text: 'The output matrix mixes the heads\' findings into one update for the stream.',
    see: [{ chapter: 'attention', section: 'four-heads-in-the-real-model' }],
    trace: { kind: 'vector', point: 'attnOut' },
  },
  {
    file: model, first: "x = add(x, xResidual); rec?.('afterAttn', x);",
    py: { first: "x = [a + b for a, b in zip(x, x_residual)]", lines: 1 },
    text: 'The residual connection: attention\'s result is added to the stream it read. The gradient has a direct path back through this addition.',
    see: [{ chapter: 'attention', section: 'the-residual-stream' }],
    trace: { kind: 'vector', point: 'afterAttn' },
  },
  {
    file: model, first: '// 2) MLP, the block\'s second half', lines: 3,
    py: { first: "# 2) MLP, the block's second half", lines: 3 },
    text: 'The MLP\'s half of the block starts the same way: keep the stream, normalise a copy.',
    see: [{ chapter: 'mlp', section: 'the-mlp-wider-switched-narrower' }, { chapter: 'mlp', section: 'rmsnorm-once-more' }],
    trace: { kind: 'vector', point: 'norm2' },
  },
  {
    file: model, first: "x = linear(x, sd[`layer${li}.mlp_fc1`]); rec?.('mlpHidden', x); // [4·nEmbd]",
    py: { first: "x = linear(x, state_dict[f'layer{li}.mlp_fc1'])  # [4 * n_embd]", lines: 1 },
    text: 'Wider: four times as many units as the stream has dimensions, each a detector for some pattern in this position\'s vector.',
    see: [{ chapter: 'mlp', section: 'wider-a-detector-per-unit' }],
    trace: { kind: 'vector', point: 'mlpHidden' },
  },
  {
    file: model, first: "x = x.map((xi) => xi.relu()); rec?.('mlpRelu', x);",
    py: { first: "x = [xi.relu() for xi in x]", lines: 1 },
    text: 'Switched: ReLU turns off every unit whose detector came out negative. ReLU is the MLP\'s bend, the one place the model switches numbers off. It is not the only step that is not a straight line: RMSNorm\'s division, softmax, and attention\'s products (a query times a key, a weight times a value) bend too.',
    see: [{ chapter: 'mlp', section: 'relu-switching-units-off' }, { chapter: 'neuron', section: 'step-3-a-bend' }],
    trace: { kind: 'vector', point: 'mlpRelu' },
  },
  {
    file: model, first: "x = linear(x, sd[`layer${li}.mlp_fc2`]); rec?.('mlpOut', x);",
    py: { first: "x = linear(x, state_dict[f'layer{li}.mlp_fc2'])  # [n_embd]", lines: 1 },
    text: 'Narrower: back to the width of the stream, an update built from the units that stayed on.',
    see: [{ chapter: 'mlp', section: 'narrower-and-back-into-the-stream' }],
    trace: { kind: 'vector', point: 'mlpOut' },
  },
  {
    file: model, first: "x = add(x, xResidual); rec?.('output', x);", lines: 2,
    py: { first: "x = [a + b for a, b in zip(x, x_residual)]", lines: 1 },
    text: 'The second residual connection: the MLP\'s update joins the stream, which leaves the layer.',
    see: [{ chapter: 'attention', section: 'the-residual-stream' }],
    trace: { kind: 'vector', point: 'output' },
  },
  {
    file: model, first: "const logits = linear(x, sd['lm_head']); rec?.('logits', logits);", lines: 3,
    py: { first: "logits = linear(x, state_dict['lm_head'])  # [vocab_size]", lines: 2 },
    text: '`lm_head` gives one score, a logit, for every token of the vocabulary: how strongly the model votes for it as the next one. No softmax here; the loss and the sampler apply it.',
    see: [{ chapter: 'mlp', section: 'one-score-per-token-lm_head' }],
    trace: { kind: 'logits' },
  },
  // ── loss ──────────────────────────────────────────────────────────────────────────────
  {
    file: loss, first: '/**', lines: 5,
    py: { first: "def document_loss(tokens):", lines: 2 },
    text: 'The loss of one document: at each position, how surprised the model is by the token that really comes next, averaged over the positions.',
    see: [{ chapter: 'training', section: 'one-step-of-training' }],
    trace: { kind: 'loss' },
  },
  {
    file: loss, first: 'const n = Math.min(model.config.blockSize, tokens.length - 1);', lines: 2,
    py: { first: "n = min(block_size, len(tokens) - 1)", lines: 1 },
    text: 'A document of L tokens gives L − 1 predictions; `n` is that, capped at `blockSize`, as no more fit in the context, so a name too long for it is cut. A document of fewer than 2 tokens has nothing to predict and is refused (one from `encodeDocument` always has BOS on both sides).',
    see: [{ chapter: 'training', section: 'the-tokens-with-bos-on-both-sides' }],
  },
  {
    file: loss, first: 'const keys = emptyCache(model.config);', lines: 3,
    py: { first: "keys = [[] for _ in range(n_layer)]  # one list of cached keys per layer", lines: 3 },
    text: 'An empty cache for this document: the model sees the positions of this name and no other.',
    see: [{ chapter: 'attention', section: 'the-kv-cache' }],
  },
  {
    file: loss, first: 'for (let pos = 0; pos < n; pos++) {', lines: 4,
    py: { first: "for pos_id in range(n):", lines: 3 },
    text: 'Position by position: the input token, the target (the token after it) and one call of the model. The traced call is `gpt()` itself, with its intermediates kept.',
    see: [{ chapter: 'training', section: 'the-forward-pass-position-by-position' }],
    trace: { kind: 'logits' },
  },
  {
    file: loss, first: 'const probs = softmax(logits);',
    py: { first: "probs = softmax(logits)", lines: 1 },
    text: 'The logits become probabilities for every next token.',
    see: [{ chapter: 'mlp', section: 'scores-into-probabilities-softmax' }],
    trace: { kind: 'logits' },
  },
  {
    file: loss, first: 'const loss = probs[target].log().neg();',
    py: { first: "losses.append(-probs[target_id].log())", lines: 1 },
    text: 'The surprisal of the target: −log of the probability the model gave it. Near 0 when the model was sure and right, large when it gave the truth little chance.',
    see: [{ chapter: 'training', section: 'the-surprisal-of-each-target' }, { chapter: 'mlp', section: 'how-wrong-was-the-guess-log-p' }],
    trace: { kind: 'loss' },
  },
  {
    file: loss, first: 'positions.push({ pos, token, target, probs, loss, trace });', lines: 2,
    text: 'Each position is kept with its trace, which is what the chapters\' widgets and this page draw.',
    see: [{ chapter: 'training', section: 'the-forward-pass-position-by-position' }],
    trace: { kind: 'loss' },
  },
  {
    file: loss, first: 'const loss = sum(positions.map((p) => p.loss)).mul(1 / n);', lines: 3,
    py: { first: "return vsum(losses) * (1 / n)", lines: 1 },
    text: 'The document\'s loss is the mean of its positions\' surprisals: one number, and the root of the graph that `backward()` walks.',
    see: [{ chapter: 'training', section: 'the-mean-is-the-loss' }],
    trace: { kind: 'loss' },
  },
  // ── Adam ──────────────────────────────────────────────────────────────────────────────
  {
    file: adam, first: "/** Adam's settings; microgpt's values are the defaults. */", lines: 2,
    text: "Adam's four settings: the learning rate, how slowly each of the two running means forgets (β₁ for the gradients, β₂ for their squares), and ε.",
    see: [{ chapter: 'training', section: 'plain-gradient-descent-then-adam' }],
  },
  {
    file: adam, first: "/** microgpt's Adam: learning rate 0.01, β₁ 0.85, β₂ 0.99, ε 1e-8. */", lines: 2,
    py: { first: "beta1, beta2, learning_rate, eps_adam = 0.85, 0.99, 0.01, 1e-8  # Adam's settings", lines: 1 },
    text: "Adam's settings, microgpt's own: the learning rate at the first step, how slowly each of the two running means forgets, and a tiny number that keeps the division of the update away from zero. Chapter 7's trainer lets you change the learning rate.",
    see: [{ chapter: 'training', section: 'plain-gradient-descent-then-adam' }],
  },
  {
    file: adam, first: '/** At step (from 0) of numSteps: lr decays linearly to 0; m and v start at 0, so early averages are biased towards 0 and 1 − β^(step+1) undoes that. */', lines: 4,
    text: 'Two things change with the step: the learning rate falls in a straight line towards 0 by the last step (this revision of microgpt decays it linearly), and the bias corrections, which make up for m and v starting at 0.',
    see: [{ chapter: 'training', section: 'the-update-and-a-learning-rate-that-decays' }, { chapter: 'training', section: 'bias-correction' }],
  },
  {
    file: adam, first: '/**', lines: 6,
    py: { first: "def adam_step(m, v, step, num_steps):", lines: 2 },
    text: 'One Adam step over every parameter, laid end to end in one array, with their gradients in another.',
    see: [{ chapter: 'training', section: 'plain-gradient-descent-then-adam' }],
  },
  {
    file: adam, first: 'const { beta1, beta2, eps } = state.config;', lines: 3,
    py: { first: "lr_t = learning_rate * (1 - step / num_steps)  # decays linearly to 0 at num_steps", lines: 4 },
    text: 'The settings, Adam\'s two running means, and this step\'s learning rate and corrections.',
    see: [{ chapter: 'training', section: 'plain-gradient-descent-then-adam' }],
  },
  {
    file: adam, first: 'for (let i = 0; i < data.length; i++) {', lines: 2,
    py: { first: "for i, p in enumerate(params):", lines: 2 },
    text: 'Every parameter is updated on its own, from its own gradient and its own history.',
    see: [{ chapter: 'training', section: 'plain-gradient-descent-then-adam' }],
  },
  {
    file: adam, first: 'm[i] = beta1 * m[i] + (1 - beta1) * g;',
    py: { first: "m[i] = beta1 * m[i] + (1 - beta1) * g", lines: 1 },
    text: 'Momentum: a running mean of the gradients, so a direction that keeps coming back builds up speed and noise averages out.',
    see: [{ chapter: 'training', section: 'momentum-a-running-mean-of-the-gradients' }],
  },
  {
    file: adam, first: 'v[i] = beta2 * v[i] + (1 - beta2) * (g * g);',
    py: { first: "v[i] = beta2 * v[i] + (1 - beta2) * (g * g)", lines: 1 },
    text: 'A running mean of squared gradients: how large this parameter\'s gradients usually are.',
    see: [{ chapter: 'training', section: 'step-sizes-to-fit-a-running-mean-of-squared-gradients' }],
  },
  {
    file: adam, first: 'const mHat = m[i] / mCorrection;', lines: 2,
    py: { first: "m_hat = m[i] / m_correction", lines: 2 },
    text: 'Bias correction: early on, both means are still close to their starting 0; dividing by the corrections brings them to the right size.',
    see: [{ chapter: 'training', section: 'bias-correction' }],
  },
  {
    file: adam, first: 'data[i] -= (lrT * mHat) / (Math.sqrt(vHat) + eps);', lines: 3,
    py: { first: "p.data -= (lr_t * m_hat) / (math.sqrt(v_hat) + eps_adam)", lines: 1 },
    text: 'The step: against the mean gradient, divided by its typical size, so every parameter moves by about the learning rate whether its gradients are large or small.',
    see: [{ chapter: 'training', section: 'the-update-and-a-learning-rate-that-decays' }],
  },
  // ── training ──────────────────────────────────────────────────────────────────────────
  {
    file: train, first: '/** The documents in training order: step s uses order[s % length]. Shuffled when an rng is given. */', lines: 6,
    py: { first: "def training_order(docs):", lines: 5 },
    text: 'The order the documents are read in: shuffled once with the seeded generator, so training does not see all the names that start with one letter in a row.',
    see: [{ chapter: 'dataset', section: 'why-shuffle' }],
  },
  {
    file: train, first: 'step(tokens: readonly number[]): number {', lines: 2,
    py: { first: "def train_step(tokens, m, v, step, num_steps):", lines: 2 },
    text: 'One training step takes one tokenized document. A step past the end of the schedule is refused: the learning rate has reached 0 there.',
    see: [{ chapter: 'training', section: 'one-step-of-training' }],
  },
  {
    file: train, first: 'const { loss } = documentLoss(this.model, tokens);',
    py: { first: "loss = document_loss(tokens)", lines: 1 },
    text: 'Forward: the model reads the document and the loss says how surprised it was.',
    see: [{ chapter: 'training', section: 'one-step-of-training' }],
    trace: { kind: 'loss' },
  },
  {
    file: train, first: 'loss.backward();',
    py: { first: "loss.backward()", lines: 1 },
    text: 'Backward: every parameter gets its gradient. Choose a line of the model above to see the gradients of what it computed.',
    see: [{ chapter: 'training', section: 'backward-a-gradient-for-every-parameter' }],
  },
  {
    file: train, first: 'const { flat, data, grad } = this;', lines: 2,
    text: 'The parameters\' numbers and gradients are copied into two flat arrays, the form Adam works on. `flat` lists every parameter Value end to end, in `matrixShapes()` order; the trainer\'s constructor (src/engine/train.ts, above this) builds it and the two arrays once, from the state dict.',
    see: [{ chapter: 'training', section: 'the-gradient-of-every-matrix' }],
  },
  {
    file: train, first: 'adamStep(this.adam, data, grad, this.stepsTaken, this.numSteps);',
    py: { first: "adam_step(m, v, step, num_steps)", lines: 1 },
    text: 'The update: one Adam step for every parameter.',
    see: [{ chapter: 'training', section: 'the-update' }],
  },
  {
    file: train, first: 'for (let i = 0; i < flat.length; i++) { flat[i].data = data[i]; flat[i].grad = 0; }', lines: 4,
    py: { first: "for p in params:", lines: 3 },
    text: 'The new numbers go back into the Values, and the gradients are zeroed: `backward()` adds to them, so without this the next step would carry this one\'s gradients.',
    see: [{ chapter: 'training', section: 'the-update' }],
  },
  {
    file: run, first: "/** microgpt.py's first draws from Random(seed): the documents shuffled, then fresh weights from the same stream. */", lines: 6,
    text: 'The start of a run, in microgpt\'s order: seed the generator, shuffle the documents, then draw the weights from the same stream. The order of the draws is why the same seed gives the same model here and in Python.',
    see: [{ chapter: 'dataset', section: 'why-shuffle' }, { chapter: 'training', section: 'exact-to-the-last-digit' }],
  },
  {
    file: run, first: '/** Train a model from the start, as microgpt.py does when run. */', lines: 6,
    py: { first: "def train(docs, tokenizer, num_steps, seed, init=None, report=print):", lines: 10 },
    text: 'A whole training run: the shuffled documents (or the given order), the starting weights, and a trainer, on the fast path unless told otherwise. The fast path gives the same numbers as the Value path shown here.',
    see: [{ chapter: 'training', section: 'training-microgpt-live' }],
  },
  {
    file: run, first: 'const losses: number[] = [];', lines: 9,
    py: { first: "losses = []", lines: 9 },
    text: 'The main loop: one document per step, cycling through the list, each step\'s loss kept and reported. This is the loop whose loss curve chapter 7 draws live.',
    see: [{ chapter: 'training', section: 'training-microgpt-live' }],
  },
  // ── sampling ──────────────────────────────────────────────────────────────────────────
  {
    file: sample, first: '/** Draw one token id from logits [vocabSize]. Greedy decoding (T = 0) uses no randomness. */', lines: 5,
    text: 'One next token from a position\'s logits. At temperature 0 it is the most likely one, with no randomness; otherwise it is drawn at random from `samplingDistribution`: the softmax of the logits divided by the temperature, cut to the top-k or top-p tokens when asked. That function sits above this one in src/engine/sample.ts and chapter 8 shows it; the listing leaves it out for its length.',
    see: [{ chapter: 'inference', section: 'temperature' }, { chapter: 'inference', section: 'greedy-top-k-and-top-p' }],
  },
  {
    file: sample, first: '/**', lines: 5,
    py: { first: "def generate(tokenizer, temperature=0.5, top_k=None, top_p=None):", lines: 2 },
    text: 'Generating a name: the trained model, the tokenizer, a seeded generator and the sampling settings in, a new name out.',
    see: [{ chapter: 'inference', section: 'generating-a-name-one-token-at-a-time' }],
  },
  {
    file: sample, first: "const prefix = tokenizer.encode(o.prefix ?? '');", lines: 3,
    text: 'A prefix, if given, is encoded first; it must leave room in the context for at least one generated token.',
    see: [{ chapter: 'inference', section: 'a-full-name-generator' }],
  },
  {
    file: sample, first: 'const tokens = prefix.slice();', lines: 3,
    py: { first: "keys = [[] for _ in range(n_layer)]  # one list of cached keys per layer", lines: 3 },
    text: 'The name so far starts as the prefix, and the first input is BOS, as in training.',
    see: [{ chapter: 'inference', section: 'generating-a-name-one-token-at-a-time' }],
  },
  {
    file: sample, first: 'for (let pos = 0; pos < blockSize; pos++) {', lines: 3,
    py: { first: "for pos_id in range(block_size):", lines: 2 },
    text: 'One position per call, with the cache inside the model. While the prefix lasts, its next character is fed in instead of sampling one.',
    see: [{ chapter: 'inference', section: 'why-the-kv-cache-makes-generation-cheap' }],
  },
  {
    file: sample, first: 'const logits = model.logits.subarray(pos * vocabSize, (pos + 1) * vocabSize);', lines: 3,
    py: { first: "if temperature == 0:", lines: 5 },
    text: 'This position\'s logits, and a token drawn from them: softmax of the logits divided by the temperature, optionally cut to the top-k or top-p tokens (`sampleToken`, above). Python writes the same inline, with its `sampling_distribution` above `generate` in microgpt.py.',
    see: [{ chapter: 'inference', section: 'temperature' }, { chapter: 'inference', section: 'greedy-top-k-and-top-p' }],
  },
  {
    file: sample, first: 'if (token === tokenizer.bos) break;', lines: 3,
    py: { first: "if token_id == tokenizer.bos:", lines: 3 },
    text: 'BOS means the name is over. Any other token is kept and becomes the next input: the model reads its own output.',
    see: [{ chapter: 'inference', section: 'generating-a-name-one-token-at-a-time' }],
  },
  {
    file: sample, first: '}', lines: 3,
    py: { first: "return tokenizer.decode(sample)", lines: 1 },
    text: 'The loop also ends when the context is full. The tokens are decoded to text, BOS left out.',
    see: [{ chapter: 'inference', section: 'generating-a-name-one-token-at-a-time' }],
  },
];
