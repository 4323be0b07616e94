/**
 * HarfBuzz (WASM) loaded once per process. harfbuzzjs is an ES module with a top-level await,
 * so it is imported dynamically; it finds its .wasm beside itself (kept external to the bundle).
 */
import type * as HarfBuzzModule from 'harfbuzzjs';

export type HarfBuzz = typeof HarfBuzzModule;

let loading: Promise<HarfBuzz> | undefined;

export function harfBuzz(): Promise<HarfBuzz> {
  loading ??= import('harfbuzzjs');
  return loading;
}
