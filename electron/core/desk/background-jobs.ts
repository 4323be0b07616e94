import type { Desk } from './open-desk';
import { sweepReturnWindows, sweepUnpaidInvoices } from '../cases/sweep';
import { scheduleBackups } from '../backups/scheduled-backups';
import { scheduleCheckpoints } from '../audit/desk-checkpoints';
import { startDelivery } from '../delivery/start';
import { scheduleLetterReading } from '../signals/letter-date/catch-up';
import { warmDocumentFonts } from '../documents/text/warm-up';

const HOUR = 3600_000;
/** After the start's own work (the first queue page, the sign-in): the fonts are made ready for the first document. */
const WARM_FONTS_AFTER_MS = 2_000;

/** The desk's own routines: the return-window sweep at start and every hour; scheduled backups; audit checkpoints; delivering the outbox; the documents' fonts made ready. */
export function startBackgroundJobs(desk: Desk, log: (line: string) => void = console.log): () => void {
  const sweep = async () => {
    try {
      const r = await sweepReturnWindows(desk.db, desk.clock);
      if (r.rejected.length) log(`return window: ${r.rejected.length} request(s) rejected for no response`);
      const u = await sweepUnpaidInvoices(desk.db, desk.clock);
      if (u.rejected.length) log(`payment window: ${u.rejected.length} request(s) rejected as unpaid`);
    } catch (e) {
      log(`return-window sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), HOUR);
  timer.unref();
  const stopBackups = desk.backupFolder ? scheduleBackups(desk, desk.backupFolder, log) : () => {};
  // Signed checkpoints of the audit chain, outside the database: truncation and rewriting show.
  const stopCheckpoints = desk.checkpoints ? scheduleCheckpoints(desk, log) : () => {};
  // The outbox leaves through the relay saved on the Settings page (or a demo desk's capture folder).
  const stopDelivery = startDelivery(desk, log);
  // Employer letters of waiting requests are read for their printed date before a reviewer opens them (OCR in its worker).
  const stopLetters = scheduleLetterReading(desk.db, desk.blobs, log);
  const warm = setTimeout(
    () => void warmDocumentFonts().catch((e: unknown) => log(`fonts not made ready ahead: ${e instanceof Error ? e.message : String(e)}`)),
    WARM_FONTS_AFTER_MS,
  );
  warm.unref();
  return () => {
    clearTimeout(warm);
    clearInterval(timer);
    stopBackups();
    stopCheckpoints();
    void stopDelivery();
    stopLetters();
  };
}
