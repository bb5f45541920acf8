import { fileURLToPath } from 'node:url';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The app server serves this build at `/`; in `vite` dev mode the API calls go to it.
const appServer = process.env.CONFER_APP_URL ?? 'http://localhost:3978';

/**
 * The build for the local tenant (`npm run build`, which the tests and `npm start` use). Any other build —
 * `npm run build:production`, a plain `vite build` — leaves the Teams-host emulation page out, so a
 * release never carries it.
 */
const LOCAL_TENANT_MODE = 'local-tenant';

export default defineConfig(({ mode, command }) => ({
  root,
  plugins: [
    react(),
    // Fluent UI's own styles ship precompiled; this precompiles ours (makeStyles → CSS rules) at build time, so a
    // page's first render does not work them out on the main thread (about a fifth of the picker's start-up
    // JavaScript). The modules it evaluates for style values are TypeScript, read with Babel's preset.
    command === 'build' &&
      griffel({ babelOptions: { presets: [fileURLToPath(import.meta.resolve('@babel/preset-typescript'))] } }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The tab, the sign-in redirect target and, for the local tenant only, the Teams-host emulation page.
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        'auth-end': `${root}auth-end.html`,
        ...(mode === LOCAL_TENANT_MODE ? { 'dev/teams-host': `${root}dev/teams-host.html` } : {}),
      },
    },
  },
  server: {
    // The app server answers only for its own host name (DNS-rebinding protection): send it that one.
    proxy: {
      '/api': { target: appServer, changeOrigin: true },
      '/dev/api': { target: appServer, changeOrigin: true },
    },
  },
}));
