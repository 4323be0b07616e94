import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import type { Plugin } from 'vite';
import { directPackageImports } from './scripts/direct-package-imports';
import { buildNode } from './scripts/build-node.mjs';

/** pdf.js draws the 14 standard PDF fonts from its own files when a PDF does not embed them. */
function pdfjsStandardFonts(): Plugin {
  return {
    name: 'pdfjs-standard-fonts',
    apply: 'build',
    closeBundle() {
      cpSync(resolve(__dirname, 'node_modules/pdfjs-dist/standard_fonts'), resolve(__dirname, 'out/renderer/pdfjs/standard_fonts'), {
        recursive: true,
      });
    },
  };
}

/** The command line and the host, compiled beside the app (scripts/build-node.mjs) so they start without tsx. */
function nodeEntries(): Plugin {
  return {
    name: 'node-entries',
    apply: 'build',
    closeBundle: () => buildNode(),
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), nodeEntries()],
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: [] })],
    build: { outDir: 'out/preload', rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    publicDir: resolve(__dirname, 'resources/public'),
    plugins: [react(), pdfjsStandardFonts(), directPackageImports(__dirname, ['@mantine/core', '@mantine/hooks'])],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
      // electron-vite leaves the renderer unminified and its report without sizes; the JavaScript a
      // browser loads before sign-in has a budget (bench/bundle-bytes.ts), so both are on.
      minify: true,
      reportCompressedSize: true,
      // pdf.js's worker (1.2 MB) and the charts are chunks of their own, loaded when first used.
      chunkSizeWarningLimit: 1_300,
    },
  },
});
