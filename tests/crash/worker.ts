/**
 * Works the desk as fast as it can until it is killed: imports bundles in batches and claims,
 * notes and returns or approves requests. Run by crash.test.ts, which kills it with SIGKILL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { openDesk } from '../../electron/core/desk/open-desk';
import { importBundles } from '../../electron/core/intake/import-batch';
import { currentPolicy } from '../../electron/core/policy/current-policy';
import { goodRequestJson, GOOD_FILES, writeFolder } from '../../electron/core/intake/testing/request-bundles';
import { withCheckDigit } from '../../electron/core/identity/national-id';
import * as decide from '../../electron/core/cases/decisions';
import { listUsers } from '../../electron/core/auth/users';

async function main() {
  const desk = await openDesk(process.argv[2]!);
  const reviewer = (await listUsers(desk.db)).find((u) => u.username === 'reviewer1')!;
  const actor = { user: reviewer, clock: desk.clock };
  const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
  const root = mkdtempSync(join(tmpdir(), 'crash-bundles-'));
  for (let round = 0; ; round++) {
    const paths = Array.from({ length: 4 }, (_, k) =>
      writeFolder(
        goodRequestJson({
          applicant: { ...goodRequestJson().applicant, idNumber: withCheckDigit(`1${String(randomInt(10 ** 8)).padStart(8, '0')}`) },
        }),
        GOOD_FILES,
        root,
        `r${round}-${k}`,
      ),
    );
    await importBundles(desk.db, desk.clock, policy, paths, undefined, desk.blobs);
    for (let k = 0; k < 3; k++) {
      const id = (await decide.claimNext(desk.db, actor))?.id ?? null;
      if (id === null) break;
      await decide.addNote(desk.db, actor, id, 'to_applicant', `round ${round}: please attach a recent employer letter`);
      const { version } = await desk.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      if (k % 2 === 0) await decide.returnToApplicant(desk.db, actor, id, version);
      else
        await decide
          .approve(desk.db, actor, id, version, { justification: 'crash test: approved on purpose' })
          .catch(() => decide.release(desk.db, actor, id, version));
    }
    process.stdout.write(`round ${round}\n`);
  }
}

void main();
