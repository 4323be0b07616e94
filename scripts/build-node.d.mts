/** Types of scripts/build-node.mjs for the TypeScript that imports it (electron.vite.config.ts, tests, bench). */
export declare const NODE_ENTRIES: Record<string, string>;
export declare const NODE_SOURCES: string[];
export declare const COMPILED_CLI: string;
export declare const COMPILED_HOST: string;
export declare function buildNode(): Promise<void>;
export declare function ensureNodeBuilt(): Promise<void>;
