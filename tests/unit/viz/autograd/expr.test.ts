// The expression mini-language: what it parses, how it builds engine Values, and where it
// points when the input is malformed or a step leaves the real numbers.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import { buildExpr, evaluateExpr, limits, parseExpr, startingValue, valueIn, variableValues, type Expr } from '../../../../src/viz/autograd/expr.ts';
import { nudge } from '../../../../src/viz/autograd/nudge.ts';
import { graphOf, gradientsOf } from '../../../../src/viz/autograd/value-graph.ts';

/** Evaluate the expression's output at env; throws if it fails. */
function valueOf(src: string, env: Record<string, number> = {}): number {
  const r = evaluateExpr(src, env);
  if (!r.ok) throw new Error(`${src}: ${r.problem.message} (column ${r.problem.at})`);
  return r.graph.root.data;
}

describe('parseExpr reads the language', () => {
  const cases: [string, Record<string, number>, number][] = [
    ['2*3 + 4', {}, 10],
    ['2 + 3*4', {}, 14],
    ['(2 + 3)*4', {}, 20],
    ['a - b - c', { a: 10, b: 3, c: 2 }, 5],
    ['a / b / c', { a: 12, b: 3, c: 2 }, 2],
    ['-a^2', { a: 3 }, -9],
    ['(-a)^2', { a: 3 }, 9],
    ['2^3^2', {}, 64],
    ['a^-1', { a: 4 }, 0.25],
    ['a^(-2)', { a: 2 }, 0.25],
    ['a**2', { a: 5 }, 25],
    ['a × b ÷ c − 1', { a: 6, b: 2, c: 3 }, 3],
    ['a·b', { a: 6, b: 2 }, 12],
    ['exp(0) + log(1) + relu(-5) + relu(2)', {}, 3],
    ['EXP(0)', {}, 1],
    ['.5 + 1.5e1', {}, 15.5],
    ['  a  ', { a: 7 }, 7],
  ];
  for (const [src, env, expected] of cases) {
    it(`${src} evaluates to ${expected}`, () => {
      expect(valueOf(src, env)).toBeCloseTo(expected, 12);
    });
  }

  it('lists the variables in order of first use, once each', () => {
    const r = parseExpr('b*a + a*c + b');
    expect(r.ok && r.variables).toEqual(['b', 'a', 'c']);
  });

  it('builds one Value per variable, so a variable used twice branches the graph', () => {
    const r = evaluateExpr('a*b + a', { a: 2, b: 3 });
    if (!r.ok) throw new Error(r.problem.message);
    const g = graphOf(r.graph.root, r.graph.names);
    expect(g.nodes.map((n) => n.name || n.op)).toEqual(['a', 'b', '×', '+']);
    expect(g.nodes[0].parents).toEqual([2, 3]);
  });

  it('builds subtraction and division from the engine primitives (× −1, ^−1)', () => {
    const r = evaluateExpr('a - b / c', { a: 1, b: 2, c: 4 });
    if (!r.ok) throw new Error(r.problem.message);
    const ops = graphOf(r.graph.root, r.graph.names).nodes.filter((n) => n.kind === 'op').map((n) => n.op);
    expect(ops.sort()).toEqual(['+', '^-1', '×', '×'].sort());
  });

  it('gives every new variable a starting value', () => {
    expect(startingValue('a')).toBe(2);
    expect(startingValue('b')).toBe(3);
    expect(startingValue('q')).toBe(1);
  });
});

describe('parseExpr points at malformed input', () => {
  const cases: [string, number, RegExp][] = [
    ['', 1, /Type an expression/],
    ['   ', 1, /Type an expression/],
    ['a +', 4, /ends too early/],
    ['(a + b', 7, /Expected “\)” to close the “\(” at column 1/],
    ['exp(a', 6, /Expected “\)” to close the “\(” at column 4/],
    ['a + b)', 6, /no matching “\(”/],
    ['2a', 2, /Expected an operator/],
    ['a b', 3, /Expected an operator/],
    ['a $ b', 3, /“\$” is not part of the language/],
    ['sin(a)', 1, /“sin” is not a function/],
    ['a(b)', 1, /“a” is not a function/],
    ['exp a', 5, /exp needs its input in parentheses/],
    ['log', 4, /log needs its input in parentheses/],
    ['a^b', 3, /exponent after \^ must be a number/],
    ['a^(2', 5, /Expected “\)” after the exponent/],
    ['()', 2, /nothing inside/],
    ['a + * b', 5, /Expected a number, a name or “\(” before “\*”/],
    ['a ^ ^ 2', 5, /exponent after \^ must be a number/],
    ['a * 1e999', 5, /“1e999” is too large a number/],
    ['a + 😀', 5, /^“😀” is not part of the language/],
    ['NaN', 1, /^“NaN” is not a number to compute with/],
    ['a * Infinity', 5, /^“Infinity” is not a number to compute with/],
    ['undefined + 1', 1, /^“undefined” is not a number/],
  ];
  for (const [src, column, message] of cases) {
    it(`“${src}” fails at column ${column}`, () => {
      const r = parseExpr(src);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problem.at).toBe(column);
      expect(r.problem.message).toMatch(message);
    });
  }

  it(`refuses more than ${limits.length} characters, pointing just past the limit`, () => {
    const r = parseExpr('a+'.repeat(50) + 'a');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.at).toBe(limits.length + 1);
  });

  it(`refuses more than ${limits.variables} variables, pointing at the first one too many`, () => {
    const src = 'a+b+c+d+e+f+g';
    const r = parseExpr(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.at).toBe(src.indexOf('g') + 1);
  });

  it('refuses a graph with more nodes than the drawing holds', () => {
    const r = evaluateExpr(Array.from({ length: 20 }, () => 'a').join('-'), { a: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(new RegExp(`at most ${limits.nodes}`));
  });

  it('survives a deeply nested paste without throwing', () => {
    const src = '('.repeat(39) + 'a' + ')'.repeat(39);
    expect(parseExpr(src).ok).toBe(true);
    expect(parseExpr('('.repeat(79)).ok).toBe(false);
  });
});

describe('buildExpr stops at a step that leaves the real numbers, with a message', () => {
  const cases: [string, Record<string, number>, number, RegExp][] = [
    ['log(a - 3)', { a: 2 }, 1, /log needs a positive input, but here its input is −1/],
    ['1 + log(a*0)', { a: 5 }, 5, /log needs a positive input/],
    ['a / (b - 3)', { a: 1, b: 3 }, 3, /Division by zero/],
    ['exp(a)', { a: 1000 }, 1, /too large/],
    ['a^0.5', { a: -1 }, 2, /negative number \(−1\) to the power 0.5/],
    ['a^-1', { a: 0 }, 2, /0 to the power −1 is infinite/],
    ['a^0.5', { a: 0 }, 2, /infinite slope/],
    ['a + b', { a: 1, b: Number.NaN }, 5, /b needs a value/],
  ];
  for (const [src, env, column, message] of cases) {
    it(`${src} at ${JSON.stringify(env)} fails at column ${column}`, () => {
      const r = evaluateExpr(src, env);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problem.at).toBe(column);
      expect(r.problem.message).toMatch(message);
    });
  }
});

describe('gradients of random expressions', () => {
  // Smooth pieces only (no relu kinks), with inputs kept where log and division are safe.
  function randomExpr(rng: Random, depth: number): string {
    const leaf = () => (rng.random() < 0.7 ? ['a', 'b', 'c'][rng.below(3)] : String(Math.round(rng.uniform(-3, 3) * 10) / 10));
    if (depth === 0) return leaf();
    const sub = () => randomExpr(rng, depth - 1);
    switch (rng.below(8)) {
      case 0: return `${sub()} + ${sub()}`;
      case 1: return `${sub()} - ${sub()}`;
      case 2: return `(${sub()}) * (${sub()})`;
      case 3: return `(${sub()}) / ((${sub()})^2 + 1)`;
      case 4: return `(${sub()})^2`;
      case 5: return `log((${sub()})^2 + 1)`;
      case 6: return `exp((${sub()}) * 0.2)`;
      default: return leaf();
    }
  }

  const rng = new Random(42);
  for (let k = 0; k < 40; k++) {
    const src = randomExpr(rng, 3);
    if (src.length > limits.length) continue;
    const env = { a: rng.uniform(-1.5, 1.5), b: rng.uniform(-1.5, 1.5), c: rng.uniform(-1.5, 1.5) };
    it(`backward matches central finite differences for ${src}`, () => {
      const r = evaluateExpr(src, env);
      if (!r.ok) {
        expect(r.problem.message).toMatch(/nodes/); // only the size limit may refuse these
        return;
      }
      const g = graphOf(r.graph.root, r.graph.names);
      const grads = gradientsOf(g);
      for (const name of r.variables ?? []) {
        const i = g.nodes.findIndex((n) => n.kind === 'input' && n.name === name);
        const h = 1e-6;
        const fd = (valueOf(src, { ...env, [name]: env[name as 'a'] + h }) - valueOf(src, { ...env, [name]: env[name as 'a'] - h })) / (2 * h);
        expect(Math.abs(grads[i] - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
      }
    });
  }

  it('gradientsOf can be called twice without doubling (grads are zeroed first)', () => {
    const r = evaluateExpr('a*b + a', { a: 2, b: 3 });
    if (!r.ok) throw new Error(r.problem.message);
    const g = graphOf(r.graph.root, r.graph.names);
    expect(gradientsOf(g)).toEqual(gradientsOf(g));
  });
});

// Keep the AST type exercised so a change to it shows up here.
const _typed: Expr = { kind: 'num', value: 1, column: 1 };
void _typed;
void buildExpr;

describe('names every object inherits are variables like any other', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

  for (const name of inherited) {
    it(`${name} starts at 1, takes a typed value and gets its gradient`, () => {
      expect(startingValue(name)).toBe(1);
      const parsed = parseExpr(`${name}*${name} + b`);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      expect(parsed.variables).toEqual([name, 'b']);
      const env = variableValues(parsed.variables, new Map([[name, 4]]));
      expect(Object.keys(env)).toEqual([name, 'b']);
      expect(valueIn(env, name)).toBe(4);
      const built = buildExpr(parsed.expr, env);
      if (!built.ok) throw new Error(built.problem.message);
      expect(built.graph.root.data).toBe(4 * 4 + 3);
      const g = graphOf(built.graph.root, built.graph.names);
      const input = g.nodes.findIndex((n) => n.kind === 'input' && n.name === name);
      expect(gradientsOf(g)[input]).toBe(2 * 4);
    });

    it(`${name} without a value is missing, not inherited`, () => {
      const r = evaluateExpr(name, { a: 1 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.message).toBe(`${name} needs a value`);
    });
  }

  it('the nudge check moves __proto__ like any other input', () => {
    const env = variableValues(['__proto__', 'constructor'], new Map([['__proto__', 2], ['constructor', 3]]));
    const r = nudge('__proto__*constructor', env, '__proto__', 0.5);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.before).toBe(6);
    expect(r.after).toBe(2.5 * 3);
    expect(r.grad).toBe(3);
  });
});
