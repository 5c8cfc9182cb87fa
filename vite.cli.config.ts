import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The CLI is plain Node: bundle our sources, keep packages and built-ins external.
export default defineConfig({
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^[a-z@][^:]*$/],
      output: { format: 'es', entryFileNames: 'index.mjs' },
    },
  },
});
