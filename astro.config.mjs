// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { katexOptions } from './src/styles/math-macros.ts';
import { codeThemes, codeTransformers } from './src/components/code-highlight.ts';
import { rehypeExerciseNumbers } from './scripts/build/rehype-exercise-numbers.ts';
import { rehypeHeadingAnchors } from './scripts/build/rehype-heading-anchors.ts';
import { remarkChapterOnly } from './scripts/build/remark-chapter-only.ts';
import { buildSearchIndex } from './scripts/build/search-index.ts';
import { buildServiceWorker } from './scripts/build/service-worker.ts';
import { fileURLToPath } from 'node:url';

/**
 * After every build (npm run build, npm start, npm test): the search index over the built pages,
 * then the service worker that precaches everything, the index included.
 * @type {import('astro').AstroIntegration}
 */
const searchAndOffline = {
  name: 'search-and-offline',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const out = fileURLToPath(dir);
      const search = await buildSearchIndex(out);
      logger.info(`search index: ${search.pages} pages and ${search.records} glossary entries`);
      const sw = await buildServiceWorker(out);
      if (sw.warnings.length) throw new Error(`service worker: ${sw.warnings.join('; ')}`);
      logger.info(`service worker: precaches ${sw.count} files, ${(sw.size / 1024 / 1024).toFixed(1)} MB`);
    },
  },
};

// Static site. Math is rendered to HTML at build time (no KaTeX in the browser):
// Astro 7's default Markdown processor runs no plugins, so we use the unified one.
export default defineConfig({
  output: 'static',
  // OUT_DIR lets parallel builds (and their previews) use separate folders
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [mdx(), svelte(), searchAndOffline],
  vite: {
    build: {
      rollupOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that the bundler
        // reports as ignored at module level; Astro handles it, so the warning is noise
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    // heading ids first, so each h2/h3 can end with a "#" link to itself and each exercise
    // can name its section and its number; all but the exercises wrapped in <ChapterOnly>,
    // so the teacher's page can show the exercises alone
    processor: unified({ remarkPlugins: [remarkMath, remarkChapterOnly], rehypePlugins: [[rehypeKatex, katexOptions], rehypeHeadingIds, rehypeExerciseNumbers, rehypeHeadingAnchors] }),
    // the same themes and transformers as <CodeRegion>, for any fenced code in a chapter
    shikiConfig: { themes: codeThemes, transformers: codeTransformers },
  },
});
