import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import type { Plugin } from 'vite';

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

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: [] })],
    build: { outDir: 'out/preload', rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    publicDir: resolve(__dirname, 'resources/public'),
    plugins: [react(), pdfjsStandardFonts()],
    build: { outDir: resolve(__dirname, 'out/renderer'), rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
