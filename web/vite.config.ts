/// <reference types="vitest/config" />
import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './precompress';
import { typedDocuments } from './typed-documents';

// The API the dev server forwards to: the default port of `npm start`, or another (API_URL) when a
// second API runs beside it.
const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: __dirname,
  base: '/',
  // Vite 8 compiles JSX itself (Oxc); React 17+'s automatic runtime needs no React import per file.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [typedDocuments(path.join(__dirname, 'src')), precompress()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/media': { target: api, changeOrigin: true },
      '/uploads': { target: api, changeOrigin: true },
    },
  },
  test: {
    root: __dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
