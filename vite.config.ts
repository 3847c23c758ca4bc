import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// base './' makes dist/ work from any static host and any sub-path; the engine worker is an ES module chunk.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // The manifest tells scripts/bundle-size.mjs which chunks load before the console is ready.
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: false,
    manifest: true,
    // The engine is a pure library: importing a helper (formatReply) must not drag the whole Engine into the page.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]engine[\\/]/.test(id) } },
  },
  preview: { port: 4173, strictPort: true },
});
