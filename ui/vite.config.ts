/// <reference types="vitest/config" />
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API to a local `stemnet serve --port 8091` (STEMNET_API to change).
// Production: `stemnet serve --ui ui/dist` serves dist/ itself (hashed files under /assets/).
const api = process.env.STEMNET_API ?? 'http://localhost:8091';
const geo = fileURLToPath(new URL('../data/reference/geo/', import.meta.url));

/**
 * Development only: answers /api/v1/boundaries/{counties,municipalities} from the shipped
 * files when the server does not (yet) serve them. Set STEMNET_BOUNDARIES=server to turn it off.
 */
function boundariesFromFiles(): Plugin {
  const files: Record<string, [string, string]> = {
    '/api/v1/boundaries/counties': ['fylker-2024.geojson', 'application/geo+json'],
    '/api/v1/boundaries/municipalities': ['kommuner-2024.topojson', 'application/json'],
  };
  const handler = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const path = (req.url ?? '').split('?')[0];
    const f = files[path];
    if (!f || process.env.STEMNET_BOUNDARIES === 'server' || !existsSync(geo + f[0])) return next();
    res.setHeader('Content-Type', f[1]);
    res.end(readFileSync(geo + f[0]));
  };
  return {
    name: 'stemnet-boundaries-from-files',
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}

export default defineConfig({
  plugins: [react(), boundariesFromFiles()],
  base: '/',
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1600, // the map (MapLibre) and the API reference (Swagger UI, prebuilt)
    // Two pages: the front-end, and the API reference (/api/docs, served by stemnet from
    // dist/api-docs.html; Swagger UI is in its own chunks, never loaded by the front-end).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        apidocs: fileURLToPath(new URL('api-docs.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
