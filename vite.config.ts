import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/content-security-policy';

// Relative base by default: the built site works from any sub-path of any static host, with no
// rewrites. SITE_BASE pins an absolute one (e.g. SITE_BASE=/kinesis-sandbox/ for GitHub Pages).
const base = process.env.SITE_BASE || './';

const headerCsp = contentSecurityPolicy({ delivery: 'header' });

/**
 * The CSP in the built site: a <meta> in index.html (static hosts that send no headers, such as
 * GitHub Pages) and a `_headers` file (hosts that read it; e2e/serve-dist.mjs applies it). Build
 * only: the dev server injects inline scripts for hot reload.
 */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'kinesis-sandbox:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ delivery: 'meta' }) }, injectTo: 'head-prepend' },
    ],
    generateBundle() {
      const headers = ['/*', `  Content-Security-Policy: ${headerCsp}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: no-referrer', ''].join('\n');
      this.emitFile({ type: 'asset', fileName: '_headers', source: headers });
    },
  };
}

export default defineConfig({
  base,
  plugins: [
    react(),
    contentSecurityPolicyPlugin(),
    // The service worker (Workbox, generated at build time) precaches the whole build — Monaco's
    // chunks and workers, the simulator and what-if workers, fonts, icons — so a second visit works
    // with the network off. Hash routing means every navigation is index.html.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script', // an external registerSW.js: no inline script under the CSP
      manifest: {
        name: 'Kinesis Sandbox',
        short_name: 'Kinesis Sandbox',
        description: 'Amazon Kinesis simulated in your browser: streams, Firehose, streaming SQL, offline.',
        theme_color: '#1f6feb',
        background_color: '#f6f7f9',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ttf,woff2,wasm,json,webmanifest}'],
        globIgnores: ['_headers'],
        // Monaco's editor chunk and the simulator worker are several MB; precache them all.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true, // the first visit's page is controlled at once, so its lazy chunks come through the cache too
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': headerCsp } },
});
