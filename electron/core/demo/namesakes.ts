/**
 * Namesakes in the demo: the name lists are short, so a few clean applicants share a name with another born
 * within the tolerance and would be flagged as the same person. They get another father's name (a rare one), so
 * a clean request raises nothing; a real register has no such crowding.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { Applicant } from '../../../shared/domain';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { searchText } from '../cases/search-text';
import { currentPolicy } from '../policy/current-policy';
import { indexPerson } from '../signals/person-index';
import { duplicatePerson } from '../signals/duplicate-person';

/** Given names absent from the demo's lists: a father's name from here never makes a namesake of a seeded applicant. */
export const RARE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['حمد', 'Hamad'],
  ['منصور', 'Mansour'],
  ['بندر', 'Bandar'],
  ['مشعل', 'Mishal'],
  ['راكان', 'Rakan'],
  ['زياد', 'Ziyad'],
  ['نواف', 'Nawaf'],
  ['وليد', 'Waleed'],
  ['هشام', 'Hisham'],
  ['طلال', 'Talal'],
  ['عادل', 'Adel'],
  ['مازن', 'Mazen'],
  ['رائد', 'Raed'],
  ['جاسر', 'Jasser'],
  ['ثامر', 'Thamer'],
  ['غازي', 'Ghazi'],
  ['صالح', 'Saleh'],
  ['حاتم', 'Hatem'],
  ['باسل', 'Basel'],
  ['أنس', 'Anas'],
];

/** Seeds larger than this (the bench's) are not tidied of namesakes. */
const MAX_TIDIED = 5000;

/** Gives another father's name to each seeded applicant that would otherwise be flagged as a namesake. */
export async function renameNamesakes(db: DeskDb, clock: Clock, firstId: number): Promise<number> {
  // A bench-sized seed (100,000 from short name lists) is all namesakes and need not be clean: only a demo is tidied.
  const count = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>=', firstId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) > MAX_TIDIED) return 0;
  const { policy } = await currentPolicy(db, clock.now().toISOString());
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'service', 'submitted_at', 'applicant_snapshot', 'practitioner_id'])
    .where('id', '>=', firstId)
    .orderBy('id')
    .execute();
  let renamed = 0;
  for (const r of rows) {
    for (let attempt = 0; attempt < RARE_NAMES.length; attempt++) {
      const a = parseSnapshot(
        (await db.selectFrom('requests').select('applicant_snapshot').where('id', '=', r.id).executeTakeFirstOrThrow()).applicant_snapshot,
      );
      const subject = {
        requestId: r.id,
        reference: r.reference,
        service: r.service,
        submittedAt: r.submitted_at,
        applicant: a,
        attachments: [],
        cpd: [],
      };
      const [v] = await duplicatePerson.run({ db, policy, subject });
      if (v?.outcome !== 'warn') break;
      const [ar, en] = RARE_NAMES[(r.id + attempt) % RARE_NAMES.length]!;
      const renamedTo: Applicant = { ...a, nameAr: otherFather(a.nameAr, ar), nameEn: otherFather(a.nameEn, en) };
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('practitioners')
          .set({ name_ar: renamedTo.nameAr, name_en: renamedTo.nameEn })
          .where('id', '=', r.practitioner_id)
          .execute();
        await trx
          .updateTable('requests')
          .set({ applicant_snapshot: JSON.stringify(renamedTo), search_text: searchText(r.reference, renamedTo) })
          .where('id', '=', r.id)
          .execute();
        await indexPerson(trx, r.id, renamedTo);
      });
      if (attempt === 0) renamed++;
    }
  }
  return renamed;
}

/**
 * "محمد بن فهد القحطاني" + "حمد" → "محمد بن حمد القحطاني": another father. (A name put in the grandfather's
 * place would change nothing: a grandfather left out is the same person to duplicate-person.)
 */
function otherFather(name: string, father: string): string {
  const parts = name.split(' ');
  // "آل سعود" / "Al Saud": the family name is two words.
  const familyWords = parts.length > 2 && /^(آل|Al)$/.test(parts[parts.length - 2]!) ? 2 : 1;
  const at = parts.length - familyWords - 1;
  if (at < 1 || /^(بن|بنت|bin|bint)$/i.test(parts[at]!))
    return [...parts.slice(0, parts.length - familyWords), father, ...parts.slice(parts.length - familyWords)].join(' ');
  return [...parts.slice(0, at), father, ...parts.slice(at + 1)].join(' ');
}
