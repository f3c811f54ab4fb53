// The pages of the built site, found by walking OUT_DIR (the folder `astro build` wrote):
// every *.html except 404. Gates run over whatever is built, so new chapters are covered
// as soon as they exist.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The build output folder the Playwright web server serves. */
export const outDir = resolve(process.env.OUT_DIR ?? 'dist');

/** One built page: its URL path and its HTML file. */
export type SitePage = { path: string; file: string };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === '_astro' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** The URL a static file is served at: a/index.html → /a/, a.html → /a. */
export function urlPathOf(file: string): string {
  const rel = relative(outDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel.slice(0, -'.html'.length)}`;
}

/** Every page of the built site, home first, then alphabetically. */
export function sitePages(): SitePage[] {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`no built site in ${outDir}: run \`OUT_DIR=${outDir} npx astro build\` first`);
  }
  return htmlFiles(outDir)
    .filter((f) => !/(^|[/\\])404(\.html|[/\\]index\.html)$/.test(f))
    .map((file) => ({ path: urlPathOf(file), file }))
    .sort((a, b) => (a.path === '/' ? -1 : b.path === '/' ? 1 : a.path.localeCompare(b.path)));
}

/** Chapter slugs that have a built page, e.g. "dataset". */
export function builtChapterSlugs(): string[] {
  return sitePages().flatMap((p) => p.path.match(/^\/chapters\/([^/]+)\/$/)?.slice(1) ?? []);
}

/** The built HTML of a page. */
export const builtHtml = (page: SitePage) => readFileSync(page.file, 'utf8');
