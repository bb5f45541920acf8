import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The app server serves this build at `/`; in `vite` dev mode the API calls go to it.
const appServer = process.env.CONFER_APP_URL ?? 'http://localhost:3978';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The tab, the sign-in redirect target and the development-only Teams-host emulation page.
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        'auth-end': `${root}auth-end.html`,
        'dev/teams-host': `${root}dev/teams-host.html`,
      },
    },
  },
  server: {
    proxy: { '/api': appServer, '/dev/api': appServer },
  },
});
