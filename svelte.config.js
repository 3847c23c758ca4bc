// Svelte 5 with runes everywhere; TypeScript in components is handled by Vite (no extra preprocessor needed).
export default {
  compilerOptions: { runes: true },
};
