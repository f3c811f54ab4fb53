// The layers import one way: content → components → widgets → state → workers → viz → engine.
// Build-time facts sit beside them: read by content, components and pages, reading the layers
// below and src/generated/, which nothing else above scripts/ reads. A chapter imports only its
// components, widgets and facts, and the one formatter its prose writes numbers with.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** What each layer may import besides itself. */
const allowed: Record<string, readonly string[]> = {
  engine: [],
  viz: ['engine'],
  workers: ['engine'],
  state: ['workers', 'viz', 'engine'],
  widgets: ['state', 'workers', 'viz', 'engine'],
  facts: ['state', 'viz', 'engine', 'generated'],
  components: ['widgets', 'state', 'viz', 'engine', 'facts', 'styles'],
  layouts: ['components', 'widgets', 'state', 'viz', 'engine', 'facts', 'styles'],
  pages: ['layouts', 'components', 'widgets', 'state', 'viz', 'engine', 'facts', 'content'],
  content: ['components', 'widgets', 'facts'],
  // build plugins (scripts/build) read the chapter plan the pages are built from
  scripts: ['engine', 'viz', 'facts', 'components', 'scripts'],
};

/** The one file below widgets that content may import: the formatter its prose writes numbers with. */
const formatter = join(root, 'src/viz/shared/format.ts');

/** The layer a file belongs to: its folder under src/, or content/ and scripts/. */
function layerOf(file: string): string | null {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'src') return parts.length > 2 ? parts[1] : null;
  if (parts[0] === 'content' || parts[0] === 'scripts' || parts[0] === 'tests') return parts[0];
  return null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return /\.(ts|svelte|astro|mdx|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s));
}

const sources = ['src', 'content', 'scripts'].flatMap((d) => filesUnder(join(root, d)));

describe('the import direction of the layers', () => {
  it('finds the layers it checks', () => {
    const layers = new Set(sources.map(layerOf));
    for (const l of ['engine', 'viz', 'state', 'widgets', 'components', 'content', 'scripts']) expect(layers).toContain(l);
  });

  it('no file imports a layer above its own', () => {
    const wrong: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      if (from === null) continue;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to === null || to === from || (from === 'content' && target === formatter)) continue;
        if (!(allowed[from] ?? []).includes(to)) wrong.push(`${relative(root, file)} (${from}) imports ${relative(root, target)} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a chapter imports no package or Node module, only files of the site', () => {
    const content = sources.filter((f) => layerOf(f) === 'content');
    const bare = content.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^import .*from\s+['"]([^.'"][^'"]*)['"]/gm)].map((m) => `${relative(root, f)}: ${m[1]}`));
    expect(bare).toEqual([]);
  });

  it('the engine imports nothing but itself', () => {
    const engine = sources.filter((f) => layerOf(f) === 'engine');
    const bare = engine.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from\s+['"]([^.'"][^'"]*)['"]/g)].map((m) => `${relative(root, f)}: ${m[1]}`));
    expect(bare).toEqual([]);
  });
});
