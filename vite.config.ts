import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets tfjs-wasm use SharedArrayBuffer threads where the
// browser allows it. A static host needs the same two headers (see README).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// A Content-Security-Policy for the built site: only same-origin code, data and
// workers; 'wasm-unsafe-eval' lets tfjs compile its WASM backend. Not applied to
// the dev server, whose React refresh preamble is an inline script.
const CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' blob: data:",
].join('; ');

const cspPlugin: Plugin = {
  name: 'dipscope-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  base: './',
  // 'mpa': the dev and preview servers answer a missing file with 404, not with index.html.
  appType: 'mpa',
  plugins: [react(), cspPlugin],
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { chunkSizeWarningLimit: 4096, target: 'es2022' },
});
