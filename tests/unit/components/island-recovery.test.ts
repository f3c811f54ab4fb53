import { describe, expect, it } from 'vitest';
import { maxKeptField, messages, parseRetryMark } from '../../../src/components/island-recovery.ts';

describe('messages', () => {
  it('read as sentences and say what happened and what Retry does', () => {
    for (const m of Object.values(messages)) expect(m).toMatch(/^[A-Z].*[.…]$/);
    expect(messages.failed).toContain('could not load its script (are you offline?)');
    expect(messages.failed).toContain('Retry reloads the page');
  });
});

describe('parseRetryMark', () => {
  const mark = { path: '/chapters/training/', island: 3, top: 120.5, fields: [[3, 0, 'ma'], [4, 1, '']] };
  const ok = JSON.stringify(mark);
  it('reads a mark for this page, fields included', () => {
    expect(parseRetryMark(ok, '/chapters/training/')).toEqual(mark);
  });
  it('ignores a mark for another page', () => {
    expect(parseRetryMark(ok, '/')).toBeNull();
  });
  it('ignores missing or malformed marks', () => {
    for (const raw of [null, '', '{', 'null', '[]', '42', '"x"',
      JSON.stringify({ path: '/', island: -1, top: 0 }),
      JSON.stringify({ path: '/', island: 1.5, top: 0 }),
      JSON.stringify({ path: '/', island: '0', top: 0 }),
      JSON.stringify({ path: '/', island: 0, top: 'x' }),
      JSON.stringify({ path: '/', island: 0 }),
      '{"path":"/","island":0,"top":1e999}']) {
      expect(parseRetryMark(raw, '/'), String(raw)).toBeNull();
    }
  });
  it('keeps the place but drops malformed or oversized fields', () => {
    const raw = JSON.stringify({ path: '/', island: 0, top: -40, fields: [[0, 0, 'ok'], [0, -1, 'x'], [0, 1], [0, 2, 5], 'x', [1, 0, 'a'.repeat(maxKeptField + 1)], [1, 1, 'a'.repeat(maxKeptField)]] });
    expect(parseRetryMark(raw, '/')).toEqual({ path: '/', island: 0, top: -40, fields: [[0, 0, 'ok'], [1, 1, 'a'.repeat(maxKeptField)]] });
    expect(parseRetryMark(JSON.stringify({ path: '/', island: 0, top: 0, fields: 'x' }), '/')).toEqual({ path: '/', island: 0, top: 0, fields: [] });
  });
});
