/// <reference types="vitest/config" />
import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './precompress';
import { typedDocuments } from './typed-documents';

// The API the dev server forwards to: the default port of `npm start`, or another (API_URL) when a
// second API runs beside it.
const api = process.env.API_URL ?? 'http://127.0.0.1:4000';
const REACT_ROUTER_PRODUCTION = path.join(__dirname, '..', 'node_modules', 'react-router', 'dist', 'production', 'index.mjs');

export default defineConfig(({ command }) => ({
  root: __dirname,
  base: '/',
  // Vite 8 compiles JSX itself (Oxc); React 17+'s automatic runtime needs no React import per file.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [typedDocuments(path.join(__dirname, 'src')), precompress()],
  // React Router exports only its development build, whose warnings stay on in production (remix-run/react-router
  // #14102); its package ships the production build beside it.
  resolve: command === 'build' ? { alias: { 'react-router': REACT_ROUTER_PRODUCTION } } : {},
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
      '/exports': { target: api, changeOrigin: true },
      '/admin': { target: api, changeOrigin: true },
    },
  },
  test: {
    root: __dirname,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
}));
