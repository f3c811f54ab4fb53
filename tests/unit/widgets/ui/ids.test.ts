// Ids come from $props.id(): the same widget rendered twice on one page has no id twice, and
// every label, description and output points at an element that exists.

import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Slider from '../../../../src/widgets/ui/Slider.svelte';
import NumberField from '../../../../src/widgets/ui/NumberField.svelte';

/** Every id in some HTML, and every id it refers to (for=, aria-describedby=, aria-labelledby=). */
function idsOf(html: string): { ids: string[]; refs: string[] } {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const refs = [...html.matchAll(/\s(?:for|aria-describedby|aria-labelledby)="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
  return { ids, refs };
}

/** Two renders on one page, as Astro renders two islands: each with its own id prefix. */
function twice(component: Component<Record<string, unknown>>, props: Record<string, unknown>): string {
  return [1, 2].map((n) => render(component, { props, idPrefix: `i${n}` }).body).join('\n');
}

describe('kit ids', () => {
  it.each([
    ['Slider', Slider, { label: 'w', min: 0, max: 1, step: 0.1, value: 0.5 }],
    ['NumberField', NumberField, { name: 'a', value: Number.NaN, onchange: () => {} }],
  ] as const)('%s rendered twice has no duplicate id and no dangling reference', (_, component, props) => {
    const { ids, refs } = idsOf(twice(component as unknown as Component<Record<string, unknown>>, props));
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of refs) expect(ids).toContain(r);
  });
});
