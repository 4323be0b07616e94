/** Median and p95 of repeated timings, after a warm-up. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export function summarise(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { runs: s.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(s[0]!) };
}

export async function time(runs: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}
