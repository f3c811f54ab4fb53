import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // compiles .svelte and .svelte.ts, so unit tests can render widgets with svelte/server
  plugins: [svelte({ configFile: false })],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
