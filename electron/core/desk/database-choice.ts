/** Settings → Database: which database this desk uses, and the admin's choice for its next start. */
import type { DatabaseSettingsView } from '../../../shared/domain';
import type { DeskDeps } from './open-desk';
import { DeskFault } from '../errors';
import { readDeskSettings, writeDeskSettings } from './settings-file';
import { describeLocation, maskPassword, parseLocation } from '../db/location';
import { probeDatabase } from '../db/probe';
import { appendAudit } from '../audit/chain';
import { VIEW_ACTIONS } from '../audit/personal-data';

type SettingsDeps = Pick<DeskDeps, 'db' | 'clock' | 'database' | 'settingsFolder'>;

export function databaseSettingsView(deps: SettingsDeps): DatabaseSettingsView {
  const saved = deps.settingsFolder ? (readDeskSettings(deps.settingsFolder).database ?? null) : null;
  const savedDescribe = saved ? safeDescribe(saved) : null;
  return {
    inUse: deps.database,
    saved: saved ? maskPassword(saved) : null,
    canSave: deps.settingsFolder !== null,
    // MUMARIS_DB and --db win over the saved choice, so saving changes nothing then.
    restartNeeded:
      deps.database.source !== 'environment' &&
      deps.database.source !== 'command_line' &&
      savedDescribe !== null &&
      savedDescribe !== deps.database.describe,
  };
}

const safeDescribe = (address: string) => {
  try {
    return describeLocation(parseLocation(address));
  } catch {
    return address;
  }
};

/** Saves `address` (null: back to the default file) once it has been reached and is not from a newer desk. */
export async function saveDatabaseChoice(deps: SettingsDeps, address: string | null, actorId: number): Promise<DatabaseSettingsView> {
  if (!deps.settingsFolder) {
    throw new DeskFault(
      'bad_input',
      'this desk has no settings folder; start it with MUMARIS_DB instead',
      'هذا المكتب بلا مجلد إعدادات؛ استخدم MUMARIS_DB',
    );
  }
  if (address !== null) {
    const probe = await probeDatabase(address);
    if (!probe.ok) throw new DeskFault('bad_input', `${probe.describe} cannot be reached: ${probe.message}`, `تعذر الوصول إلى ${probe.describe}`);
    if (probe.newerThanDesk) {
      throw new DeskFault(
        'conflict',
        `${probe.describe} was written by a newer desk; update this desk first`,
        `قاعدة البيانات من إصدار أحدث؛ حدّث المكتب أولاً`,
      );
    }
  }
  writeDeskSettings(deps.settingsFolder, address === null ? {} : { database: address });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at,
      actorId,
      action: 'settings.database',
      entity: 'desk',
      entityId: null,
      data: { address: address === null ? null : maskPassword(address) },
    }),
  );
  return databaseSettingsView(deps);
}

/**
 * The newest audit entry: every change on the database writes one, from whichever desk. Views of
 * personal data are entries too but change nothing: counting them would have every open case
 * screen refetch (and record another view) whenever anyone opens a case.
 */
export async function changesCursor(deps: Pick<DeskDeps, 'db'>): Promise<{ cursor: number }> {
  const last = await deps.db
    .selectFrom('audit_log')
    .select('seq')
    .where('action', 'not in', VIEW_ACTIONS)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { cursor: last?.seq ?? 0 };
}
