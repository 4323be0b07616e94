/** Types of scripts/build-freshness.mjs for the TypeScript that imports it (its test). */
export declare const root: string;
export declare function newestMtime(path: string): number;
export declare function isStale(output: string, sources: string[]): boolean;
export declare function newestSource(sources: string[]): number;
export declare function anyStale(outputs: string[], sources: string[]): boolean;
