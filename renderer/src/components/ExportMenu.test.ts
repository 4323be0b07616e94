import { describe, expect, it } from 'vitest';
import { exportPollMs } from './ExportMenu';

describe("an export's progress", () => {
  it('is asked for every 100 ms for the first second, every 400 ms after', () => {
    const after = (answers: number) => exportPollMs({ state: { dataUpdateCount: answers } });
    expect([0, 1, 9].map(after)).toEqual([100, 100, 100]);
    expect([10, 50].map(after)).toEqual([400, 400]);
  });
});
