// The backprop stepper's state machine: the order of its steps, what is known when, the
// chain-rule products it shows, and the checking of a reader's guess.

import { describe, expect, it } from 'vitest';
import {
  backwardHint, backwardLines, chainTerms, currentNode, finishedState, forwardFormula, gradKnown, guessIsRight,
  initialStepperState, nextGradNode, parseGuess, phaseOf, stepBackward, stepForward, stepperCases, stepperModel,
  valueKnown, type StepperModel, type StepperState,
} from '../../../../src/viz/autograd/backprop-stepper.ts';
import { activeEdges, stepperNodeViews } from '../../../../src/viz/autograd/graph-view.ts';

const caseById = (id: string) => stepperCases.find((c) => c.id === id)!;
const idOf = (m: StepperModel, name: string) => m.graph.nodes.findIndex((n) => n.name === name);

/** Run n forward steps then k backward steps. */
function after(m: StepperModel, forward: number, backward = 0): StepperState {
  let s = initialStepperState;
  for (let i = 0; i < forward; i++) s = stepForward(m, s);
  for (let i = 0; i < backward; i++) s = stepBackward(m, s);
  return s;
}

describe('the branch case L = a·b + a at a = 2, b = 3', () => {
  const m = stepperModel(caseById('branch'));

  it('gives a.grad = 4 and b.grad = 2 once stepped to the end', () => {
    const s = after(m, m.forwardOrder.length, m.backwardOrder.length);
    expect(phaseOf(m, s)).toBe('done');
    const views = stepperNodeViews(m, s);
    expect(views[idOf(m, 'a')].grad).toBe('4');
    expect(views[idOf(m, 'b')].grad).toBe('2');
  });

  it('adds the two paths into a: 1 · L.grad from L and b · c.grad from c', () => {
    const terms = chainTerms(m, idOf(m, 'a'));
    expect(terms.map((t) => [m.graph.nodes[t.parent].name, t.rule, t.product])).toEqual([['L', '1', 1], ['c', 'b', 3]]);
    expect(backwardLines(m, idOf(m, 'a'))).toEqual([
      'a.grad += 1 · L.grad = 1 · 1 = 1',
      'a.grad += b · c.grad = 3 · 1 = 3',
      'a.grad = 1 + 3 = 4',
    ]);
  });

  it('writes each forward step with names and numbers', () => {
    expect(forwardFormula(m.graph, idOf(m, 'c'))).toBe('c = a × b = 2 × 3 = 6');
    expect(forwardFormula(m.graph, idOf(m, 'L'))).toBe('L = c + a = 6 + 2 = 8');
  });

  it('starts backward at L with the seed 1', () => {
    const s = after(m, m.forwardOrder.length, 1);
    expect(currentNode(m, s)).toBe(idOf(m, 'L'));
    expect(backwardLines(m, idOf(m, 'L'))[0]).toMatch(/^L\.grad = 1/);
  });

  it('follows new inputs: a = −1, b = 5 gives a.grad = b + 1 and b.grad = a', () => {
    const m2 = stepperModel(caseById('branch'), { a: -1, b: 5 });
    expect(m2.grads[idOf(m2, 'a')]).toBe(6);
    expect(m2.grads[idOf(m2, 'b')]).toBe(-1);
  });
});

describe('the order of steps', () => {
  for (const c of stepperCases) {
    const m = stepperModel(c);
    const position = (order: number[]) => new Map(order.map((id, i) => [id, i]));

    it(`${c.id}: forward steps visit every op after all of its inputs`, () => {
      const pos = position(m.forwardOrder);
      for (const id of m.forwardOrder) {
        for (const child of m.graph.nodes[id].children) {
          if (m.graph.nodes[child].kind === 'op') expect(pos.get(child)!).toBeLessThan(pos.get(id)!);
        }
      }
      expect(m.forwardOrder.length).toBe(m.graph.nodes.filter((n) => n.kind === 'op').length);
    });

    it(`${c.id}: backward steps are a reverse topological order (every user before what it uses)`, () => {
      const pos = position(m.backwardOrder);
      for (const id of m.backwardOrder) {
        for (const user of m.graph.nodes[id].parents) expect(pos.get(user)!).toBeLessThan(pos.get(id)!);
      }
      expect(m.backwardOrder[0]).toBe(m.graph.nodes.length - 1); // the output first
      expect(new Set(m.backwardOrder).size).toBe(m.graph.nodes.filter((n) => n.kind !== 'const').length);
    });

    it(`${c.id}: each gradient is the sum of its chain-rule terms, as the engine's backward found`, () => {
      for (const id of m.backwardOrder.slice(1)) {
        const sum = chainTerms(m, id).reduce((s, t) => s + t.product, 0);
        expect(sum).toBe(m.grads[id]);
      }
    });

    it(`${c.id}: gradients match central finite differences of L in each input`, () => {
      const h = 1e-6;
      for (const input of c.inputs) {
        const at = (x: number) => {
          const mm = stepperModel(c, { [input.name]: x });
          return mm.graph.nodes[mm.graph.nodes.length - 1].data;
        };
        const fd = (at(input.value + h) - at(input.value - h)) / (2 * h);
        expect(m.grads[idOf(m, input.name)]).toBeCloseTo(fd, 6);
      }
    });
  }
});

describe('the state machine', () => {
  const m = stepperModel(caseById('neuron'));

  it('knows inputs from the start and nothing else; no gradient is known during the forward pass', () => {
    const s = initialStepperState;
    expect(phaseOf(m, s)).toBe('forward');
    for (const n of m.graph.nodes) {
      expect(valueKnown(m, s, n.id)).toBe(n.kind !== 'op');
      expect(gradKnown(m, s, n.id)).toBe(false);
    }
    const mid = after(m, 3);
    for (const n of m.graph.nodes) expect(gradKnown(m, mid, n.id)).toBe(false);
    expect(stepperNodeViews(m, mid).every((v) => v.grad === null)).toBe(true);
  });

  it('refuses to step backward before the forward pass is done, and forward after it', () => {
    const s = after(m, 2);
    expect(stepBackward(m, s)).toBe(s);
    const done = finishedState(m, false);
    expect(stepForward(m, done)).toBe(done);
    expect(phaseOf(m, done)).toBe('backward');
    const end = finishedState(m);
    expect(stepBackward(m, end)).toBe(end);
    expect(phaseOf(m, end)).toBe('done');
  });

  it('reveals gradients one node at a time, in the backward order', () => {
    for (let k = 0; k <= m.backwardOrder.length; k++) {
      const s = after(m, m.forwardOrder.length, k);
      const known = m.graph.nodes.filter((n) => gradKnown(m, s, n.id)).map((n) => n.id).sort();
      expect(known).toEqual(m.backwardOrder.slice(0, k).sort());
      expect(nextGradNode(m, s)).toBe(k < m.backwardOrder.length ? m.backwardOrder[k] : null);
    }
  });

  it('marks the current node and the edges the step used', () => {
    const s = after(m, 1);
    const s1 = m.forwardOrder[0];
    expect(currentNode(m, s)).toBe(s1);
    expect([...activeEdges(m, s)].sort()).toEqual(m.graph.nodes[s1].children.map((c) => `${c}-${s1}`).sort());
    const b = after(m, m.forwardOrder.length, 2);
    const e = m.backwardOrder[1];
    expect([...activeEdges(m, b)]).toEqual(m.graph.nodes[e].parents.map((p) => `${e}-${p}`));
  });

  it('writes the neuron loss step with the power rule and relu as a condition', () => {
    const z = idOf(m, 'z');
    expect(backwardLines(m, z)[0]).toMatch(/^z\.grad \+= \(z > 0 \? 1 : 0\) · p\.grad = 1 · /);
    expect(backwardLines(m, idOf(m, 'e'))[0]).toMatch(/^e\.grad \+= 2·e · L\.grad = /);
    expect(backwardHint(m, idOf(m, 'w'))).toBe('w.grad = x · s.grad');
  });

  it('gives the constant −1 of p − y no step of its own', () => {
    const minusOne = m.graph.nodes.find((n) => n.kind === 'const')!;
    expect(minusOne.data).toBe(-1);
    expect(m.backwardOrder).not.toContain(minusOne.id);
  });
});

describe('checking a guess', () => {
  it('reads the ways a reader types a number', () => {
    expect(parseGuess('4')).toBe(4);
    expect(parseGuess(' -0.5 ')).toBe(-0.5);
    expect(parseGuess('−3')).toBe(-3);
    expect(parseGuess('3/4')).toBe(0.75);
    expect(parseGuess('1e-3')).toBe(0.001);
    expect(parseGuess('0,25')).toBe(0.25);
    expect(parseGuess('')).toBeNull();
    expect(parseGuess('four')).toBeNull();
    expect(parseGuess('1/0')).toBeNull();
    expect(parseGuess('1e999')).toBeNull();
  });

  it('accepts an answer within half a percent and rejects one further off', () => {
    expect(guessIsRight(4, 4)).toBe(true);
    expect(guessIsRight(0.667, 2 / 3)).toBe(true);
    expect(guessIsRight(3, 4)).toBe(false);
    expect(guessIsRight(-4, 4)).toBe(false);
    expect(guessIsRight(0.004, 0)).toBe(true);
  });
});
