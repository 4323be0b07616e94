/**
 * Prints a PDF the desk made (a /files/ link) without the clerk saving it first.
 * - In the desktop app: the main process opens the system print dialog on the PDF itself, with the
 *   paper set to the PDF's page size (CR80 or A4), at 100 % (electron/main/print.ts).
 * - In a browser (the host): the same PDF, as a same-origin blob, in a hidden frame whose print()
 *   Chromium's PDF viewer answers with its print preview of the PDF's own pages. Where the browser
 *   has no PDF viewer or will not print from a frame, the PDF opens in a new tab to print from there.
 */
export type PrintOutcome = 'printing' | 'cancelled' | 'new-tab' | 'blocked' | 'failed';

/** How long a frame may take to show the PDF before the new tab is tried instead. */
const FRAME_LOAD_MS = 15_000;

let current: { frame: HTMLIFrameElement; url: string } | null = null;

/** Removes the last print frame and its blob (the preview closed, or another print began). */
export function releasePrintFrame(): void {
  if (!current) return;
  current.frame.remove();
  URL.revokeObjectURL(current.url);
  current = null;
}

export async function printPdfFile(url: string): Promise<PrintOutcome> {
  const shell = window.deskShell;
  if (shell) {
    const r = (await shell.printPdf(url).catch(() => null)) as { printed?: boolean; reason?: string } | null;
    if (r?.printed) return 'printing';
    // Electron reports a closed dialog as "cancelled"/"Print job canceled": nothing went wrong.
    return /cancel/i.test(r?.reason ?? '') ? 'cancelled' : 'failed';
  }
  return printInBrowser(url);
}

async function printInBrowser(url: string): Promise<PrintOutcome> {
  releasePrintFrame();
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) return 'failed';
  // Typed as a PDF whatever the response said: a frame of this origin shows a PDF or nothing.
  const blobUrl = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.printFrame = 'pdf';
  Object.assign(frame.style, { position: 'fixed', bottom: '0', insetInlineEnd: '0', width: '0', height: '0', border: '0', visibility: 'hidden' });
  current = { frame, url: blobUrl };
  if (navigator.pdfViewerEnabled === false) return openInTab(blobUrl);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(openInTab(blobUrl)), FRAME_LOAD_MS);
    frame.addEventListener(
      'load',
      () => {
        window.clearTimeout(timer);
        try {
          const view = frame.contentWindow;
          if (!view) throw new Error('no frame window');
          // No focus() into the frame: the keyboard stays with the preview (Escape, Tab, Ctrl+P).
          view.print();
          resolve('printing');
        } catch {
          resolve(openInTab(blobUrl));
        }
      },
      { once: true },
    );
    frame.src = blobUrl;
    document.body.append(frame);
  });
}

/** The PDF in a tab of its own, printed from the browser's viewer; null from window.open means blocked. */
function openInTab(blobUrl: string): PrintOutcome {
  const tab = window.open(blobUrl, '_blank');
  if (!tab) return 'blocked';
  tab.opener = null;
  return 'new-tab';
}
