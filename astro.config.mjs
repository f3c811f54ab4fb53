// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { katexOptions } from './src/styles/math-macros.ts';
import { codeThemes, codeTransformers } from './src/components/code-highlight.ts';
import { rehypeHeadingAnchors } from './scripts/build/rehype-heading-anchors.ts';
import { remarkChapterOnly } from './scripts/build/remark-chapter-only.ts';

// Static site. Math is rendered to HTML at build time (no KaTeX in the browser):
// Astro 7's default Markdown processor runs no plugins, so we use the unified one.
export default defineConfig({
  output: 'static',
  // OUT_DIR lets parallel builds (and their previews) use separate folders
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [mdx(), svelte()],
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
    // heading ids first, so each h2/h3 can end with a "#" link to itself; all but the
    // exercises wrapped in <ChapterOnly>, so the teacher's page can show the exercises alone
    processor: unified({ remarkPlugins: [remarkMath, remarkChapterOnly], rehypePlugins: [[rehypeKatex, katexOptions], rehypeHeadingIds, rehypeHeadingAnchors] }),
    // the same themes and transformers as <CodeRegion>, for any fenced code in a chapter
    shikiConfig: { themes: codeThemes, transformers: codeTransformers },
  },
});
