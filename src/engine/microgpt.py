"""microgpt in plain Python: the twin of Inside microgpt's TypeScript engine.

The same algorithm as the book's engine (src/engine/*.ts), in microgpt's order and with its
names, standard library only: a character tokenizer, scalar autograd, a one-layer GPT with a
KV cache, Adam with a linear learning-rate decay, and temperature sampling. It performs the
same operations in the same order and draws the same random numbers, so with the same seed
and data its losses and weights equal the engine's (a test in the book checks it to 1e-12).

    python3 microgpt.py                        # train on input.txt, one name per line
    python3 microgpt.py --data names.txt --steps 1000 --seed 42 --out weights.json
    python3 microgpt.py --weights weights.json --samples 10   # sample from a weights file
"""

import argparse
import json
import math
import os
import random
import sys

# #region data
# #region documents
def read_documents(path):
    """One document per line, surrounding whitespace stripped, blank lines dropped."""
    # text mode ends a line at \n, \r\n or a lone \r; utf-8-sig drops a byte-order mark
    with open(path, encoding='utf-8-sig') as f:
        return [line.strip() for line in f if line.strip()]
# #endregion documents


# #region order
def training_order(docs):
    """The documents in training order: step s uses order[s % len(order)]."""
    order = list(docs)
    random.shuffle(order)  # the first draws from the seeded stream, before any weight
    return order
# #endregion order
# #endregion data


# #region tokenizer
class Tokenizer:
    """Characters <-> token ids. Ids 0..n-1 are the sorted characters; BOS is id n."""

    # #region vocabulary
    def __init__(self, chars):
        self.chars = list(chars)
        self.bos = len(self.chars)  # one extra token marks where a document begins and ends
        self.vocab_size = len(self.chars) + 1
        self.stoi = {ch: i for i, ch in enumerate(self.chars)}

    @staticmethod
    def from_documents(docs):
        return Tokenizer(sorted(set(''.join(docs))))  # sorted by code point
    # #endregion vocabulary

    # #region encode
    def encode(self, text):
        """Token ids of a text, without BOS."""
        unknown = [ch for ch in text if ch not in self.stoi]
        if unknown:
            raise ValueError('not in the vocabulary: ' + ', '.join(json.dumps(ch) for ch in dict.fromkeys(unknown)))
        return [self.stoi[ch] for ch in text]
    # #endregion encode

    # #region encode-document
    def encode_document(self, doc):
        """A document as the model trains on it: [BOS, ...ids, BOS]."""
        return [self.bos] + self.encode(doc) + [self.bos]
    # #endregion encode-document

    # #region decode
    def decode(self, ids):
        """Text of token ids; BOS is dropped."""
        return ''.join(self.chars[i] for i in ids if i != self.bos)
    # #endregion decode
# #endregion tokenizer


# #region value
# #region value-class
class Value:
    """A scalar in a computation graph: its value, the loss's gradient w.r.t. it, and how it was made."""

    __slots__ = ('data', 'grad', '_children', '_local_grads')

    def __init__(self, data, children=(), local_grads=()):
        self.data = data  # the number this node computed
        self.grad = 0  # d(loss)/d(this node), filled by backward()
        self._children = children  # the Values it was computed from
        self._local_grads = local_grads  # d(this)/d(child), one per child
    # #endregion value-class

    # #region ops
    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1, 1))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def __pow__(self, k):
        return Value(self.data ** k, (self,), (k * self.data ** (k - 1),))

    def log(self):
        return Value(math.log(self.data), (self,), (1 / self.data,))

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,))

    def relu(self):
        return Value(self.data if self.data > 0 else 0.0, (self,), (1 if self.data > 0 else 0,))

    # derived ops: built from the primitives above, so they need no gradient of their own
    def __neg__(self): return self * -1
    def __sub__(self, other): return self + (-other)
    def __truediv__(self, other): return self * other ** -1
    def __radd__(self, other): return self + other
    def __rmul__(self, other): return self * other
    # #endregion ops

    # #region backward
    def backward(self):
        """Fill .grad of every Value this one depends on; grads accumulate with +=."""
        topo = topological_order(self)
        self.grad = 1
        for v in reversed(topo):
            # a Value used twice receives a contribution along each path: the chain rule sums them
            for child, local_grad in zip(v._children, v._local_grads):
                child.grad += local_grad * v.grad
    # #endregion backward


# #region topo
def topological_order(root):
    """Every Value root depends on, children before parents (first child first).

    Depth-first without recursion: a document's graph has ~10^5 nodes, deep enough to
    overflow Python's recursion limit.
    """
    topo, visited = [], {root}
    stack = [(root, iter(root._children))]  # a node and the children it has still to visit
    while stack:
        v, children = stack[-1]
        for child in children:
            if child not in visited:
                visited.add(child)
                stack.append((child, iter(child._children)))
                break
        else:  # every child is in topo already, so v may follow them
            stack.pop()
            topo.append(v)
    return topo
# #endregion topo


def vsum(xs):
    """Values summed left to right: sum() without its leading 0, so the graph has no extra node."""
    return sum(xs[1:], xs[0])
# #endregion value


# #region params
# microgpt's sizes; configure() replaces them for another dataset or a weights file
vocab_size = 27  # distinct tokens, BOS included
n_embd = 16  # width of the residual stream
n_head = 4  # attention heads, each sees head_dim = n_embd // n_head dimensions
n_layer = 1  # transformer blocks
block_size = 16  # longest context; also the number of position embeddings
head_dim = n_embd // n_head


def configure(config):
    """Set the sizes from a config dict with microgpt's names (the weights file's "config")."""
    global vocab_size, n_embd, n_head, n_layer, block_size, head_dim
    vocab_size, n_embd, n_head = config['vocab_size'], config['n_embd'], config['n_head']
    n_layer, block_size = config['n_layer'], config['block_size']
    head_dim = n_embd // n_head


# #region shapes
def matrix_shapes():
    """Each matrix's name and (rows, cols) = (nout, nin), in the order they are initialised."""
    shapes = [('wte', vocab_size, n_embd),  # token embeddings
              ('wpe', block_size, n_embd),  # position embeddings
              ('lm_head', vocab_size, n_embd)]  # residual stream -> logits
    for i in range(n_layer):
        shapes += [(f'layer{i}.attn_wq', n_embd, n_embd), (f'layer{i}.attn_wk', n_embd, n_embd),
                   (f'layer{i}.attn_wv', n_embd, n_embd), (f'layer{i}.attn_wo', n_embd, n_embd),
                   (f'layer{i}.mlp_fc1', 4 * n_embd, n_embd), (f'layer{i}.mlp_fc2', n_embd, 4 * n_embd)]
    return shapes
# #endregion shapes


# #region init
def init_state_dict(std=0.08):
    """Fresh parameters: Gaussian(0, std), matrix by matrix, row by row."""
    return {name: [[Value(random.gauss(0, std)) for _ in range(cols)] for _ in range(rows)]
            for name, rows, cols in matrix_shapes()}
# #endregion init


state_dict = {}  # name -> [nout][nin] Values; set by main()
params = []  # every Value of state_dict laid end to end, the order Adam walks
# #endregion params


# #region model
# #region linear
def linear(x, w):
    """Matrix-vector product, no bias: x [nin], w [nout][nin] -> [nout]."""
    return [vsum([wi * xi for wi, xi in zip(wo, x)]) for wo in w]
# #endregion linear


# #region softmax
def softmax(logits):
    """Scores -> probabilities, [n] -> [n]. Subtracting the max keeps exp() from overflowing."""
    max_val = max(v.data for v in logits)
    exps = [(v - max_val).exp() for v in logits]
    total = vsum(exps)
    return [e / total for e in exps]
# #endregion softmax


# #region rmsnorm
def rmsnorm(x):
    """Rescale x to unit root-mean-square, no learned gain: [n] -> [n]."""
    ms = vsum([xi * xi for xi in x]) / len(x)
    scale = (ms + 1e-5) ** -0.5
    return [xi * scale for xi in x]
# #endregion rmsnorm


# #region gpt
def gpt(token_id, pos_id, keys, values):
    """One step: the token at pos_id, attending to every earlier position through the cache.
    Appends this position's key and value to keys[li] and values[li]. -> logits [vocab_size]"""
    # #region embed
    tok_emb = state_dict['wte'][token_id]  # [n_embd]
    pos_emb = state_dict['wpe'][pos_id]  # [n_embd]
    x = [te + pe for te, pe in zip(tok_emb, pos_emb)]  # token row plus position row
    x = rmsnorm(x)
    # #endregion embed

    for li in range(n_layer):
        # 1) multi-head attention, the block's first half
        # #region attn-qkv
        x_residual = x
        x = rmsnorm(x)
        q = linear(x, state_dict[f'layer{li}.attn_wq'])  # [n_embd]
        k = linear(x, state_dict[f'layer{li}.attn_wk'])
        v = linear(x, state_dict[f'layer{li}.attn_wv'])
        keys[li].append(k)
        values[li].append(v)
        # #endregion attn-qkv
        # #region attn-heads
        x_attn = []
        for h in range(n_head):
            hs = h * head_dim  # this head's slice of the n_embd dimensions
            q_h = q[hs:hs + head_dim]  # [head_dim]
            k_h = [ki[hs:hs + head_dim] for ki in keys[li]]  # [t][head_dim]
            v_h = [vi[hs:hs + head_dim] for vi in values[li]]  # [t][head_dim]
            attn_logits = [vsum([q_h[j] * k_t[j] for j in range(head_dim)]) / math.sqrt(head_dim) for k_t in k_h]  # [t]
            attn_weights = softmax(attn_logits)  # [t]
            head_out = [vsum([attn_weights[t] * v_h[t][j] for t in range(len(v_h))]) for j in range(head_dim)]  # [head_dim]
            x_attn.extend(head_out)
        # #endregion attn-heads
        # #region attn-out
        x = linear(x_attn, state_dict[f'layer{li}.attn_wo'])
        x = [a + b for a, b in zip(x, x_residual)]
        # #endregion attn-out
        # 2) MLP, the block's second half
        # #region mlp
        x_residual = x
        x = rmsnorm(x)
        x = linear(x, state_dict[f'layer{li}.mlp_fc1'])  # [4 * n_embd]
        x = [xi.relu() for xi in x]
        x = linear(x, state_dict[f'layer{li}.mlp_fc2'])  # [n_embd]
        x = [a + b for a, b in zip(x, x_residual)]
        # #endregion mlp

    # #region lm-head
    logits = linear(x, state_dict['lm_head'])  # [vocab_size]
    # #endregion lm-head
    return logits
# #endregion gpt
# #endregion model


# #region loss
def document_loss(tokens):
    """Mean cross-entropy of [BOS, ...chars, BOS]: at each position, -log p(the next token)."""
    n = min(block_size, len(tokens) - 1)
    keys = [[] for _ in range(n_layer)]  # one list of cached keys per layer
    values = [[] for _ in range(n_layer)]
    losses = []
    for pos_id in range(n):
        token_id, target_id = tokens[pos_id], tokens[pos_id + 1]
        logits = gpt(token_id, pos_id, keys, values)
        probs = softmax(logits)
        losses.append(-probs[target_id].log())
    return vsum(losses) * (1 / n)
# #endregion loss


# #region adam
beta1, beta2, learning_rate, eps_adam = 0.85, 0.99, 0.01, 1e-8  # Adam's settings


def adam_step(m, v, step, num_steps):
    """One update of every parameter in place; m, v [len(params)] are Adam's running means."""
    lr_t = learning_rate * (1 - step / num_steps)  # decays linearly to 0 at num_steps
    # m and v start at 0, so early means lean towards 0: dividing by 1 - beta^(step+1) undoes that
    m_correction = 1 - beta1 ** (step + 1)
    v_correction = 1 - beta2 ** (step + 1)
    for i, p in enumerate(params):
        g = p.grad
        m[i] = beta1 * m[i] + (1 - beta1) * g
        v[i] = beta2 * v[i] + (1 - beta2) * (g * g)
        m_hat = m[i] / m_correction
        v_hat = v[i] / v_correction
        p.data -= (lr_t * m_hat) / (math.sqrt(v_hat) + eps_adam)
# #endregion adam


# #region train
# #region train-step
def train_step(tokens, m, v, step, num_steps):
    """Forward, loss, backward, Adam, gradients back to zero. -> the loss before the update"""
    loss = document_loss(tokens)
    loss.backward()
    adam_step(m, v, step, num_steps)
    for p in params:
        p.grad = 0
    return loss.data
# #endregion train-step


# #region run
def train(docs, tokenizer, num_steps, seed, init=None, report=print):
    """microgpt's main loop: seed, shuffle, initialise, then one document per step. -> losses"""
    global state_dict, params
    random.seed(seed)
    docs = training_order(docs)  # shuffle first, then initialise: the same stream as the engine
    state_dict = init_state_dict()
    if init is not None:
        state_dict = init  # the fresh weights were drawn anyway, so the stream is the same
    params = [p for mat in state_dict.values() for row in mat for p in row]
    m, v = [0.0] * len(params), [0.0] * len(params)
    losses = []
    for step in range(num_steps):
        tokens = tokenizer.encode_document(docs[step % len(docs)])
        loss = train_step(tokens, m, v, step, num_steps)
        if not math.isfinite(loss):
            raise Diverged(f'training diverged at step {step + 1} (loss {loss})')
        losses.append(loss)
        report(f'step {step + 1:4d} / {num_steps:4d} | loss {loss:.4f}')
    return losses
# #endregion run
# #endregion train


# #region sample
# #region distribution
def sampling_distribution(logits, temperature, top_k=None, top_p=None):
    """softmax(logits / T), cut to the top-k and top-p tokens and renormalised; T = 0 is greedy.
    logits [vocab_size] numbers -> probabilities [vocab_size]"""
    n = len(logits)
    greedy = [0.0] * n
    greedy[argmax(logits)] = 1.0
    if temperature == 0:
        return greedy
    try:
        inv_t = temperature ** -1
    except OverflowError:  # T so small that 1/T overflows: the limit T -> 0 is greedy
        return greedy
    max_val = max(l * inv_t for l in logits)
    # logits / T can overflow for a tiny T; shifting by the top logit first keeps it finite
    shift = 0 if math.isfinite(max_val) else logits[argmax(logits)]
    if shift != 0:
        max_val = 0
    probs = [math.exp((l * inv_t if shift == 0 else (l - shift) * inv_t) - max_val) for l in logits]
    inv = sum(probs) ** -1
    probs = [p * inv for p in probs]
    if top_k is None and top_p is None:
        return probs
    ranked = sorted(range(n), key=lambda i: (-probs[i], i))  # most likely first, ties by id
    keep = min(n, top_k or n)
    if top_p is not None:
        mass = 0
        for r in range(keep):
            mass += probs[ranked[r]]
            if mass >= top_p:
                keep = r + 1
                break
    kept = sum(probs[ranked[r]] for r in range(keep))
    cut = [0.0] * n
    for r in range(keep):
        cut[ranked[r]] = probs[ranked[r]] / kept
    return cut
# #endregion distribution


def argmax(xs):
    """Index of the largest entry; the first one on ties."""
    return max(range(len(xs)), key=lambda i: (xs[i], -i))


# #region generate
def generate(tokenizer, temperature=0.5, top_k=None, top_p=None):
    """One document: from BOS, sample and feed back each token until BOS or a full context."""
    keys = [[] for _ in range(n_layer)]  # one list of cached keys per layer
    values = [[] for _ in range(n_layer)]
    token_id, sample = tokenizer.bos, []
    for pos_id in range(block_size):
        logits = [l.data for l in gpt(token_id, pos_id, keys, values)]
        if temperature == 0:
            token_id = argmax(logits)  # greedy decoding uses no randomness
        else:
            probs = sampling_distribution(logits, temperature, top_k, top_p)
            token_id = random.choices(range(tokenizer.vocab_size), weights=probs)[0]
        if token_id == tokenizer.bos:
            break
        sample.append(token_id)
    return tokenizer.decode(sample)
# #endregion generate
# #endregion sample


# The weights file, the book's layout: {"config": {...}, "tokenizer": {"chars", "bos"},
# "state_dict": {name: [nout][nin] numbers}}, so weights move between this file and the site.

class Problem(Exception):
    """Bad input: main() prints the message on one line and exits with code 2."""


class Diverged(Problem):
    pass


def weights_json(tokenizer):
    config = {'vocab_size': vocab_size, 'n_embd': n_embd, 'n_head': n_head, 'n_layer': n_layer, 'block_size': block_size}
    return {'config': config, 'tokenizer': {'chars': tokenizer.chars, 'bos': tokenizer.bos},
            'state_dict': {k: [[p.data for p in row] for row in mat] for k, mat in state_dict.items()}}


def read_weights(path):
    """Read and check a weights file; configure() its sizes. -> (tokenizer, state_dict of Values)"""
    w = read_json(path)
    if not isinstance(w, dict) or not all(isinstance(w.get(k), dict) for k in ('config', 'tokenizer', 'state_dict')):
        raise Problem(f'{path}: a weights file is a JSON object with config, tokenizer and state_dict objects')
    config = w['config']
    for key in ('vocab_size', 'n_embd', 'n_head', 'n_layer', 'block_size'):
        if type(config.get(key)) is not int or config[key] < 1:
            raise Problem(f'{path}: config.{key} must be a positive integer, got {json.dumps(config.get(key))}')
    if config['n_embd'] % config['n_head']:
        raise Problem(f'{path}: config.n_embd ({config["n_embd"]}) must be divisible by n_head ({config["n_head"]})')
    chars, bos = w['tokenizer'].get('chars'), w['tokenizer'].get('bos')
    if not isinstance(chars, list) or not all(isinstance(c, str) and len(c) == 1 for c in chars) or len(set(chars)) != len(chars):
        raise Problem(f'{path}: tokenizer.chars must be a list of distinct single characters')
    if bos != len(chars) or config['vocab_size'] != len(chars) + 1:
        raise Problem(f'{path}: tokenizer.bos and config.vocab_size must be {len(chars)} and {len(chars) + 1} for {len(chars)} characters')
    configure(config)
    shapes = matrix_shapes()
    extra = set(w['state_dict']) - {name for name, _, _ in shapes}
    if extra:
        raise Problem(f'{path}: state_dict has a matrix "{sorted(extra)[0]}" that this config does not use')
    sd = {}
    for name, rows, cols in shapes:
        mat = w['state_dict'].get(name)
        ok = isinstance(mat, list) and len(mat) == rows and all(
            isinstance(row, list) and len(row) == cols and all(type(x) in (int, float) and math.isfinite(x) for x in row) for row in mat)
        if not ok:
            raise Problem(f'{path}: state_dict.{name} must be {rows} rows of {cols} finite numbers')
        sd[name] = [[Value(float(x)) for x in row] for row in mat]
    return Tokenizer(chars), sd


def read_json(path):
    try:
        with open(path, encoding='utf-8-sig') as f:
            return json.load(f)
    except OSError as e:
        raise Problem(f'cannot read {path}: {e.strerror}')
    except (UnicodeDecodeError, ValueError) as e:
        raise Problem(f'{path} is not valid JSON ({e})')


def write_json(path, obj):
    """Write to a temporary file beside path, then rename: an existing file is the old one or the new one."""
    tmp = f'{path}.{os.getpid()}.tmp'
    try:
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(obj, f, ensure_ascii=False, allow_nan=False)
        os.replace(tmp, path)
    except OSError as e:
        raise Problem(f'cannot write {path}: {e.strerror}')


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage block
        raise Problem(message)


def positive(text):
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f'must be a positive integer, got {text!r}')
    return int(text)


def count(text):
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f'must be an integer >= 0, got {text!r}')
    return int(text)


def real(text):
    try:
        x = float(text)
    except ValueError:
        x = -1
    if not (math.isfinite(x) and x >= 0):
        raise argparse.ArgumentTypeError(f'must be a number >= 0, got {text!r}')
    return x


def main(argv):
    p = Parser(prog='microgpt.py', description='Train microgpt on a text file (one document per line) and sample from it.')
    p.add_argument('--data', default='input.txt', help='the dataset, one document per line (default input.txt)')
    p.add_argument('--steps', type=positive, default=1000, help='training steps, one document each (default 1000)')
    p.add_argument('--seed', type=count, default=42, help='seeds the shuffle, the initial weights and sampling (default 42)')
    p.add_argument('--init', metavar='FILE', help='start training from this weights file instead of fresh weights')
    p.add_argument('--out', metavar='FILE', help='write the trained weights here (the site reads this file)')
    p.add_argument('--weights', metavar='FILE', help='do not train: sample from this weights file')
    p.add_argument('--samples', type=count, default=20, help='names to sample at the end (default 20)')
    p.add_argument('--temperature', type=real, default=0.5, help='sampling temperature, 0 = greedy (default 0.5)')
    p.add_argument('--top-k', type=positive, help='sample only from the K most likely tokens')
    p.add_argument('--top-p', type=real, help='sample only from the fewest most likely tokens whose probabilities reach P (0 < P <= 1)')
    p.add_argument('--dump', metavar='FILE', help='write the losses, the final state dict and the samples as JSON')
    for flag, default in (('n-embd', 16), ('n-head', 4), ('n-layer', 1), ('block-size', 16)):
        p.add_argument(f'--{flag}', type=positive, default=default, help=f'model size for fresh weights (default {default})')
    a = p.parse_args(argv)
    if a.top_p is not None and not 0 < a.top_p <= 1:
        raise Problem(f'argument --top-p: must be in (0, 1], got {a.top_p}')
    sampling = {'temperature': a.temperature, 'top_k': a.top_k, 'top_p': a.top_p}

    losses = []
    if a.weights is not None:
        if a.init is not None or a.out is not None:
            raise Problem('--weights samples from a file; train with --init and --out instead')
        global state_dict
        tokenizer, state_dict = read_weights(a.weights)
        random.seed(a.seed)
        samples = [generate(tokenizer, **sampling) for _ in range(a.samples)]
        if samples:
            print('\n'.join(samples))
    else:
        try:
            docs = read_documents(a.data)
        except OSError as e:
            raise Problem(f'cannot read {a.data}: {e.strerror} (pass --data FILE, one document per line)')
        except UnicodeDecodeError:
            raise Problem(f'{a.data} is not UTF-8 text')
        if not docs:
            raise Problem(f'{a.data} has no documents (no line with anything but whitespace)')
        init = None
        if a.init is not None:
            tokenizer, init = read_weights(a.init)
        else:
            tokenizer = Tokenizer.from_documents(docs)
            if a.n_embd % a.n_head:
                raise Problem(f'--n-embd ({a.n_embd}) must be divisible by --n-head ({a.n_head})')
            configure({'vocab_size': tokenizer.vocab_size, 'n_embd': a.n_embd, 'n_head': a.n_head,
                       'n_layer': a.n_layer, 'block_size': a.block_size})
        for doc in docs:
            try:
                tokenizer.encode(doc)
            except ValueError as e:
                raise Problem(f'{a.data}: a document has characters the weights cannot encode, {e}')
        losses = train(docs, tokenizer, a.steps, a.seed, init)
        print('--- samples ---')
        samples = [generate(tokenizer, **sampling) for _ in range(a.samples)]
        for i, name in enumerate(samples):
            print(f'sample {i + 1:2d}: {name}')
        if a.out is not None:
            write_json(a.out, weights_json(tokenizer))
    if a.dump is not None:
        write_json(a.dump, {'losses': losses, 'samples': samples, **weights_json(tokenizer)})


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except Problem as e:
        print(f'microgpt.py: {e}', file=sys.stderr)
        sys.exit(2)
    except OverflowError:
        print('microgpt.py: a number overflowed (training diverged, or the weights are too large)', file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
