import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../../src/viz/shared/utf8.ts';

describe('utf8Length', () => {
  const texts = ['', 'rex', 'zoë', '名前', '😀 and 👍🏽', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'];
  for (const t of texts) it(`counts ${JSON.stringify(t)} as TextEncoder writes it`, () => expect(utf8Length(t)).toBe(new TextEncoder().encode(t).length));
});
