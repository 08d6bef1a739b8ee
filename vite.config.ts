import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.RAPPORT_API_URL ?? 'http://localhost:3000';

// `npm run dev` serves the web app with hot reload and forwards /api to a running server (`npm start`).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      // Only the server's /api paths: the app's own source files live under src/web/api/*.ts.
      '^/api/(?!.*\\.tsx?(?:\\?|$))': {
        target: apiTarget,
        changeOrigin: true,
        // The server refuses state-changing requests from other origins; present the proxied ones as its own.
        configure: (proxy) => proxy.on('proxyReq', (proxyReq) => proxyReq.setHeader('origin', apiTarget)),
      },
    },
  },
});
