// Ids come from $props.id(): a widget rendered twice on one page (as Astro renders two
// islands, each with its own id prefix) has no id twice, and every label, description and
// name reference points at an element that exists. A bad prop stops the render, by name.

import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BackpropStepper from '../../../../src/widgets/autograd/BackpropStepper.svelte';
import SgdStepper from '../../../../src/widgets/autograd/SgdStepper.svelte';
import StageRunner from '../../../../src/widgets/autograd/StageRunner.svelte';
import NeuronStage from '../../../../src/widgets/neuron/NeuronStage.svelte';
import NumberField from '../../../../src/widgets/ui/NumberField.svelte';
import Slider from '../../../../src/widgets/ui/Slider.svelte';

type AnyComponent = Component<Record<string, unknown>>;
const as = (c: unknown) => c as AnyComponent;

/** Every id in some HTML, and every id it refers to (for=, aria-describedby=, aria-labelledby=, url(#…)). */
function idsOf(html: string): { ids: string[]; refs: string[] } {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const refs = [
    ...[...html.matchAll(/\s(?:for|aria-describedby|aria-labelledby)="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/)),
    ...[...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]),
  ];
  return { ids, refs };
}

const twice = (component: AnyComponent, props: Record<string, unknown>) =>
  [1, 2].map((n) => render(component, { props, idPrefix: `i${n}` }).body).join('\n');

describe('ids of widgets rendered twice on one page', () => {
  it.each([
    ['Slider', as(Slider), { label: 'w', min: 0, max: 1, step: 0.1, value: 0.5 }],
    ['NumberField', as(NumberField), { name: 'a', value: Number.NaN, onchange: () => {} }],
    ['NeuronStage', as(NeuronStage), { stage: 'relu' }],
    ['StageRunner', as(StageRunner), { n: 2 }],
    ['BackpropStepper', as(BackpropStepper), {}],
    ['SgdStepper', as(SgdStepper), {}],
  ] as const)('%s has no duplicate id and no dangling reference', (_, component, props) => {
    const { ids, refs } = idsOf(twice(component, props));
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of refs) expect(ids).toContain(r);
  });
});

describe('the widget frame', () => {
  it('renders a labelled group, still until it hydrates', () => {
    const html = render(as(SgdStepper), { props: {} }).body;
    expect(html).toMatch(/<div class="widget sgd[^"]*" role="group" aria-label="Gradient descent stepper"[^>]* data-still=""/);
  });
});

describe('props from MDX', () => {
  it('a bad prop stops the render with the widget, the prop and what was expected', () => {
    expect(() => render(as(NeuronStage), { props: { stage: 'relu', x: 9 } }).body).toThrow('<NeuronStage> got a bad prop:\n  x: Too big: expected number to be <=4');
    expect(() => render(as(StageRunner), { props: { n: 1, id: 'stage1' } }).body).toThrow('id: no such prop');
  });
});
