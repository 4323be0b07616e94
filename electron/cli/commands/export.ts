/** `desk export`: a queue view as CSV, XLSX or PDF, or (--reference) the case report of one request. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { caseReport } from '../../core/reports/case-report';
import { runExport } from '../../core/reports/export';
import { firstIssue } from '../../core/rules/refund-facts.schema';
import { contract } from '../../../shared/contract';
import type { UserInfo } from '../../../shared/domain';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

/** The command line works as an administrator would (no session): audit entries name no user. */
const COMMAND_LINE_USER: UserInfo = { id: 0, username: 'command-line', displayName: 'desk (command line)', roles: ['admin'] };

export const exportCommand: Command = async ({ desk, values, print }) => {
  if (!values.out) throw new UsageError('export needs --out FILE');
  const format = values.format ?? 'csv';
  if (!['csv', 'xlsx', 'pdf'].includes(format)) throw new UsageError(`--format must be csv, xlsx or pdf, not "${format}"`);
  const lang = values.lang ?? 'ar';
  if (lang !== 'ar' && lang !== 'en') throw new UsageError(`--lang must be ar or en, not "${lang}"`);
  const out = resolve(values.out);
  if (values.reference) {
    if (format !== 'pdf') throw new UsageError('a case report (--reference) is a PDF: use --format pdf');
    const copy = values.copy ?? 'staff';
    if (copy !== 'staff' && copy !== 'applicant') throw new UsageError(`--copy must be staff or applicant, not "${copy}"`);
    const req = await desk.db.selectFrom('requests').select('id').where('reference', '=', values.reference).executeTakeFirst();
    if (!req) throw new UsageError(`no request has the reference ${values.reference}`);
    const r = await caseReport(desk.db, COMMAND_LINE_USER, desk.clock.now(), { id: req.id, lang, copy });
    writeFileSync(out, r.pdf);
    print({ reference: values.reference, out, bytes: r.pdf.length }, `case report of ${values.reference} written to ${out}`);
    return 0;
  }
  const parsed = contract['exports.start'].args.safeParse({
    format,
    lang,
    queue: values.queue ?? 'all',
    ...(values.service ? { service: values.service } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.search ? { search: values.search } : {}),
    ...(values.from ? { submittedFrom: values.from } : {}),
    ...(values.to ? { submittedTo: values.to } : {}),
  });
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  const { format: f, lang: l, ...query } = parsed.data;
  const t0 = performance.now();
  const r = await runExport(desk.db, COMMAND_LINE_USER, { format: f, lang: l, query }, out, desk.clock.now(), (done, total) => {
    if (!values.json) process.stderr.write(`\r${done} / ${total}`);
  });
  if (!values.json) process.stderr.write('\n');
  const seconds = (performance.now() - t0) / 1000;
  print({ rows: r.rows, out, seconds }, `${r.rows} requests exported to ${out} in ${seconds.toFixed(1)} s`);
  return 0;
};
