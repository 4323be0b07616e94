/** What the preload puts on window for the renderer's IPC transport. */
export interface DeskBridge {
  invoke(name: string, args: unknown, session?: string): Promise<unknown>;
}
/** The desktop shell's doors (absent in the browser, where the host serves the desk). */
export interface DeskShellBridge {
  /** The menu follows the page's language. */
  setLanguage(lang: 'ar' | 'en'): void;
  /** A menu item for the page (print, export, search, claim next, a queue…); returns the way to stop listening. */
  onMenuCommand(callback: (command: string) => void): () => void;
  /** An address the desk was asked to open (a mumaris-desk:// link, a bundle): #/case/REQ-…, #/verify/…, #/import. */
  onNavigate(callback: (hash: string) => void): () => void;
  /** Prints a PDF the desk made (a /files/ link) at its own page size; resolves with whether it went to the printer. */
  printPdf(url: string): Promise<unknown>;
}
declare global {
  interface Window {
    desk?: DeskBridge;
    deskShell?: DeskShellBridge;
  }
}
