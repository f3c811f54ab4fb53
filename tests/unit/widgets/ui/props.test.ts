// A bad prop from MDX stops the build with a message naming the widget, the prop and what
// was expected.

import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseProps } from '../../../../src/widgets/ui/props.ts';

const schema = z.strictObject({
  stage: z.enum(['adder', 'relu']),
  x: z.number().min(-4).max(4).optional(),
  xs: z.array(z.number()).length(3).optional(),
});

const failure = (props: Record<string, unknown>) => {
  try {
    parseProps('NeuronStage', schema, props);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the props to be refused');
};

describe('parseProps', () => {
  it('returns props that fit the schema', () => {
    expect(parseProps('NeuronStage', schema, { stage: 'relu', x: 1 })).toEqual({ stage: 'relu', x: 1 });
  });

  it('treats a prop given as undefined, and Svelte slot bookkeeping, as not given', () => {
    expect(parseProps('NeuronStage', schema, { stage: 'adder', x: undefined, $$slots: undefined, children: undefined })).toEqual({ stage: 'adder' });
  });

  it('names the widget, the prop and what was expected', () => {
    expect(failure({ stage: 'adder', x: 9 })).toBe('<NeuronStage> got a bad prop:\n  x: Too big: expected number to be <=4');
  });

  it('names an element of a list by its index', () => {
    expect(failure({ stage: 'adder', xs: [1, 'a', 2] })).toMatch(/^ {2}xs\.1: .*expected number, received string$/m);
  });

  it('refuses a prop the widget does not have, by name', () => {
    expect(failure({ stage: 'adder', id: 'adder' })).toBe('<NeuronStage> got a bad prop:\n  id: no such prop (remove it or check its spelling)');
  });

  it('lists every bad prop at once', () => {
    const message = failure({ x: '1' });
    expect(message).toMatch(/^<NeuronStage> got 2 bad props:/);
    expect(message).toMatch(/^ {2}stage: /m);
    expect(message).toMatch(/^ {2}x: /m);
  });
});
