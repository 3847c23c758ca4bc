// Builds the Node benchmarks the way the app is built (one bundle, no loader shims), so figures reflect the
// code browsers run rather than a TypeScript loader's per-import getters.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: '.cache/bench',
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    rollupOptions: { input: process.env.BENCH_ENTRY },
  },
  publicDir: false,
  logLevel: 'warn',
});
