/**
 * A desk that cannot open its database (damaged, locked, unreachable) says so and stops: never wiped,
 * never replaced behind the user's back. The message names the file and the backup that restores it
 * (core/backups/scheduled-backups.ts).
 */
import type { App, Dialog } from 'electron';
import { startupFailureMessage } from '../core/backups/scheduled-backups';
import { shownDatabase } from './about';

/** The details below are the desk's own words (file names, the restore command), in English. */
const LEAD_AR = 'تعذر فتح قاعدة بيانات المكتب. لم يُحذف أو يُستبدل شيء؛ التفاصيل وطريقة الاستعادة من النسخة الاحتياطية أدناه.';
const LEAD_EN = "The desk's database could not be opened. Nothing was deleted or replaced; the details and how to restore the backup follow.";

export const DIALOG_TITLE = 'مكتب مراجعة طلبات ممارس — Mumaris Review Desk';

export function reportStartupFailure(deps: { dialog: Pick<Dialog, 'showErrorBox'>; app: Pick<App, 'quit'> }, file: string, error: unknown): void {
  deps.dialog.showErrorBox(DIALOG_TITLE, `${LEAD_AR}\n${LEAD_EN}\n\n${shownDatabase(file)}\n${startupFailureMessage(file, error)}`);
  deps.app.quit();
}
