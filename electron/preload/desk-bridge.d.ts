/** What the preload puts on window for the renderer's IPC transport. */
export interface DeskBridge {
  invoke(name: string, args: unknown, session?: string): Promise<unknown>;
}
declare global {
  interface Window {
    desk?: DeskBridge;
  }
}
