// A small, safe expression language for the autograd widgets: numbers, variables,
// + − × ÷, powers with a number exponent, exp/log/relu and parentheses. A hand-written
// tokenizer and recursive-descent parser turn the text into a tree (never eval); the tree
// is then built into a graph of the engine's Values, so every number on the page comes
// from the real autograd.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | power
//   power   := atom ('^' exponent)*          exponent: a number, optionally signed or in ( )
//   atom    := number | name | fn '(' sum ')' | '(' sum ')'

import { textLimits } from '../shared/input-limits.ts';
import { Value, topologicalOrder } from '../../engine/value.ts';
import { short } from '../shared/format.ts';
import { fail, type Failed } from '../shared/problem.ts';

/** A parsed expression. `column` is 1-based, for messages. */
export type Expr =
  | { kind: 'num'; value: number; column: number }
  | { kind: 'var'; name: string; column: number }
  | { kind: 'neg'; arg: Expr; column: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr; column: number }
  | { kind: 'pow'; base: Expr; exponent: number; column: number }
  | { kind: 'call'; fn: Fn; arg: Expr; column: number };

export type Fn = 'exp' | 'log' | 'relu';
export const functions: readonly Fn[] = ['exp', 'log', 'relu'];

export type ParseResult = { ok: true; expr: Expr; variables: string[] } | Failed;

/** Limits that keep a pasted monster from freezing the page. */
export const limits = { length: textLimits.expression, variables: 6, nodes: 40 } as const;

type Token =
  | { type: 'num'; value: number; text: string; column: number }
  | { type: 'name'; text: string; column: number }
  | { type: 'op'; text: '+' | '-' | '*' | '/' | '^'; column: number }
  | { type: '(' | ')' | 'end'; text: string; column: number };

const opAliases: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  '+': '+', '-': '-', '−': '-', '–': '-', '*': '*', '×': '*', '·': '*', '/': '/', '÷': '/', '^': '^',
};

// names a reader types meaning "not a number" or "no value": as variables they would show as "NaN = 2"
const notNumbers = /^(nan|inf|infinity|undefined|null)$/i;

class ParseError extends Error {
  column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

/** Split the text into tokens; throws ParseError at the first character it cannot read. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const column = i + 1;
    if (/\s/.test(ch)) { i++; continue; }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      const value = Number(num[0]);
      if (!Number.isFinite(value)) throw new ParseError(`“${num[0]}” is too large a number to compute with`, column);
      tokens.push({ type: 'num', value, text: num[0], column });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], column });
      i += name[0].length;
      continue;
    }
    if (src.startsWith('**', i)) {
      tokens.push({ type: 'op', text: '^', column });
      i += 2;
      continue;
    }
    if (ch in opAliases) {
      tokens.push({ type: 'op', text: opAliases[ch], column });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, text: ch, column });
      i++;
      continue;
    }
    // the whole character, not half of an emoji's surrogate pair
    const whole = String.fromCodePoint(src.codePointAt(i)!);
    throw new ParseError(`“${whole}” is not part of the language (use numbers, letters, + − * / ^ and parentheses)`, column);
  }
  tokens.push({ type: 'end', text: '', column: src.length + 1 });
  return tokens;
}

/** Describe a token for a message. */
const shown = (t: Token) => (t.type === 'end' ? 'the end' : `“${t.text}”`);

/** Parse an expression; errors point at a column and say what was expected there. */
export function parseExpr(src: string): ParseResult {
  if (src.length > limits.length) {
    return fail(`That is ${src.length} characters; keep it to ${limits.length} so the graph stays drawable`, limits.length + 1);
  }
  if (src.trim() === '') return fail('Type an expression, for example a*b + a', 1);
  try {
    const tokens = tokenize(src);
    let pos = 0;
    const peek = () => tokens[pos];
    const isOp = (t: Token, ...ops: string[]) => t.type === 'op' && ops.includes(t.text);

    const sum = (): Expr => {
      let left = product();
      while (isOp(peek(), '+', '-')) {
        const t = tokens[pos++];
        left = { kind: 'binary', op: t.text as '+' | '-', left, right: product(), column: t.column };
      }
      return left;
    };
    const product = (): Expr => {
      let left = unary();
      while (isOp(peek(), '*', '/')) {
        const t = tokens[pos++];
        left = { kind: 'binary', op: t.text as '*' | '/', left, right: unary(), column: t.column };
      }
      return left;
    };
    const unary = (): Expr => {
      const t = peek();
      if (isOp(t, '-')) {
        pos++;
        return { kind: 'neg', arg: unary(), column: t.column };
      }
      return power();
    };
    const power = (): Expr => {
      let base = atom();
      while (isOp(peek(), '^')) {
        const t = tokens[pos++];
        base = { kind: 'pow', base, exponent: exponent(), column: t.column };
      }
      return base;
    };
    // The engine's pow takes a plain number, so the exponent must be one: 2, -1, (0.5), (-2).
    const exponent = (): number => {
      const open = peek().type === '(';
      if (open) pos++;
      const minus = isOp(peek(), '-');
      if (minus) pos++;
      const t = peek();
      if (t.type !== 'num') {
        throw new ParseError(`The exponent after ^ must be a number, like a^2 or a^-1; found ${shown(t)}`, t.column);
      }
      pos++;
      if (open) {
        const close = peek();
        if (close.type !== ')') throw new ParseError(`Expected “)” after the exponent, found ${shown(close)}`, close.column);
        pos++;
      }
      return minus ? -t.value : t.value;
    };
    const atom = (): Expr => {
      const t = peek();
      if (t.type === 'num') {
        pos++;
        return { kind: 'num', value: t.value, column: t.column };
      }
      if (t.type === 'name') {
        pos++;
        const fn = functions.find((f) => f === t.text.toLowerCase());
        if (peek().type === '(') {
          if (!fn) throw new ParseError(`“${t.text}” is not a function; the functions are exp, log and relu`, t.column);
          const open = tokens[pos++];
          const arg = sum();
          closeParen(open);
          return { kind: 'call', fn, arg, column: t.column };
        }
        if (fn) throw new ParseError(`${fn} needs its input in parentheses, like ${fn}(a)`, peek().column);
        if (notNumbers.test(t.text)) throw new ParseError(`“${t.text}” is not a number to compute with, and as a name it would read as one; call the variable a, x or w`, t.column);
        return { kind: 'var', name: t.text, column: t.column };
      }
      if (t.type === '(') {
        pos++;
        const inner = sum();
        closeParen(t);
        return inner;
      }
      if (t.type === ')') throw new ParseError('Unexpected “)”: there is nothing inside these parentheses', t.column);
      if (t.type === 'end') throw new ParseError('The expression ends too early: expected a number, a name or “(”', t.column);
      throw new ParseError(`Expected a number, a name or “(” before ${shown(t)}`, t.column);
    };
    const closeParen = (open: Token) => {
      const t = peek();
      if (t.type === ')') { pos++; return; }
      throw new ParseError(`Expected “)” to close the “(” at column ${open.column}, found ${shown(t)}`, t.column);
    };

    const expr = sum();
    const rest = peek();
    if (rest.type === ')') throw new ParseError('This “)” has no matching “(”', rest.column);
    if (rest.type !== 'end') {
      throw new ParseError(`Expected an operator (+ − * / ^) before ${shown(rest)}; write 2*a, not 2a`, rest.column);
    }
    const variables = variablesOf(expr);
    if (variables.length > limits.variables) {
      const extra = firstUse(expr, variables[limits.variables]);
      return fail(`At most ${limits.variables} different variables, please`, extra);
    }
    return { ok: true, expr, variables };
  } catch (e) {
    if (e instanceof ParseError) return fail(e.message, e.column);
    throw e;
  }
}

/** Variable names in order of first appearance. */
export function variablesOf(expr: Expr): string[] {
  const seen: string[] = [];
  const walk = (e: Expr) => {
    if (e.kind === 'var') { if (!seen.includes(e.name)) seen.push(e.name); }
    else if (e.kind === 'binary') { walk(e.left); walk(e.right); }
    else if (e.kind === 'neg' || e.kind === 'call') walk(e.arg);
    else if (e.kind === 'pow') walk(e.base);
  };
  walk(expr);
  return seen;
}

function firstUse(expr: Expr, name: string): number {
  let column = 1;
  const walk = (e: Expr): boolean => {
    if (e.kind === 'var' && e.name === name) { column = e.column; return true; }
    if (e.kind === 'binary') return walk(e.left) || walk(e.right);
    if (e.kind === 'neg' || e.kind === 'call') return walk(e.arg);
    if (e.kind === 'pow') return walk(e.base);
    return false;
  };
  walk(expr);
  return column;
}

/** The graph an expression builds: its output and the name of each variable's Value. */
export type BuiltGraph = { root: Value; names: Map<Value, string> };
export type BuildResult = { ok: true; graph: BuiltGraph } | Failed;

/**
 * Build an expression into engine Values at the given variable values. Each variable is one
 * Value however often it appears (so the graph branches there); each literal is its own
 * leaf. A step whose value or local gradient is not a finite number stops the build with
 * a message at that step's column.
 */
export function buildExpr(expr: Expr, env: Readonly<Record<string, number>>): BuildResult {
  const names = new Map<Value, string>();
  const vars = new Map<string, Value>();
  try {
    const build = (e: Expr): Value => {
      switch (e.kind) {
        case 'num':
          return new Value(e.value);
        case 'var': {
          let v = vars.get(e.name);
          if (!v) {
            const x = valueIn(env, e.name);
            if (x === undefined || !Number.isFinite(x)) throw new ParseError(`${e.name} needs a value`, e.column);
            v = new Value(x);
            vars.set(e.name, v);
            names.set(v, e.name);
          }
          return v;
        }
        case 'neg':
          return checked(build(e.arg).neg(), e, 'negation');
        case 'binary': {
          const l = build(e.left);
          const r = build(e.right);
          if (e.op === '/' && r.data === 0) throw new ParseError('Division by zero: the right side of this “/” is 0', e.column);
          const out = e.op === '+' ? l.add(r) : e.op === '-' ? l.sub(r) : e.op === '*' ? l.mul(r) : l.div(r);
          return checked(out, e, e.op === '/' ? 'division' : e.op === '*' ? 'product' : e.op === '+' ? 'sum' : 'difference');
        }
        case 'pow': {
          const base = build(e.base);
          if (base.data === 0 && e.exponent < 0) {
            throw new ParseError(`0 to the power ${short(e.exponent)} is infinite (it divides by zero)`, e.column);
          }
          if (base.data === 0 && e.exponent > 0 && e.exponent < 1) {
            throw new ParseError(`At 0, x^${e.exponent} has an infinite slope, so its local gradient is not a number`, e.column);
          }
          if (base.data < 0 && !Number.isInteger(e.exponent)) {
            throw new ParseError(`A negative number (${short(base.data)}) to the power ${e.exponent} is not a real number`, e.column);
          }
          return checked(base.pow(e.exponent), e, 'power');
        }
        case 'call': {
          const arg = build(e.arg);
          if (e.fn === 'log' && arg.data <= 0) {
            throw new ParseError(`log needs a positive input, but here its input is ${short(arg.data)}`, e.column);
          }
          return checked(e.fn === 'log' ? arg.log() : e.fn === 'exp' ? arg.exp() : arg.relu(), e, e.fn);
        }
      }
    };
    const root = build(expr);
    const count = topologicalOrder(root).length;
    if (count > limits.nodes) {
      return fail(`This builds ${count} nodes; at most ${limits.nodes} fit in the drawing`, 1);
    }
    return { ok: true, graph: { root, names } };
  } catch (e) {
    if (e instanceof ParseError) return fail(e.message, e.column);
    throw e;
  }
}

/** A step whose result or slope is not finite (overflow, 0^-1, …) becomes a message. */
function checked(v: Value, e: Expr, what: string): Value {
  if (!Number.isFinite(v.data)) throw new ParseError(`This ${what} gives ${v.data > 0 ? 'a number too large' : 'a result that is not a finite number'} to work with`, e.column);
  if (!Number.isFinite(v.da) || !Number.isFinite(v.db)) throw new ParseError(`This ${what} has an infinite local gradient here`, e.column);
  return v;
}

/** Parse and build in one go. */
export function evaluateExpr(src: string, env: Readonly<Record<string, number>>): BuildResult & { variables?: string[] } {
  const parsed = parseExpr(src);
  if (!parsed.ok) return parsed;
  return { ...buildExpr(parsed.expr, env), variables: parsed.variables };
}

/**
 * The value of a variable in `env`, or undefined: only the record's own entries count, so a
 * variable called constructor, toString or __proto__ is a name like any other, never a
 * property every object inherits.
 */
export function valueIn(env: Readonly<Record<string, number>>, name: string): number | undefined {
  return Object.hasOwn(env, name) ? env[name] : undefined;
}

/** Starting values for variables the reader introduces; any other name starts at 1. */
const startingValues: Readonly<Record<string, number>> = { a: 2, b: 3, c: -1, d: 0.5, w: 2, x: 3, y: 10, z: -2 };

/** The value a new variable starts with. */
export function startingValue(name: string): number {
  return valueIn(startingValues, name) ?? 1;
}

/**
 * The values of an expression's variables: the reader's own where they typed one, else the
 * starting value. A record without a prototype, its entries made by defineProperty, so that
 * every name (__proto__ included) is an ordinary entry.
 */
export function variableValues(variables: readonly string[], typed: ReadonlyMap<string, number>): Readonly<Record<string, number>> {
  const env: Record<string, number> = Object.create(null);
  for (const v of variables) {
    Object.defineProperty(env, v, { value: typed.get(v) ?? startingValue(v), enumerable: true, writable: true, configurable: true });
  }
  return env;
}
