/**
 * The payment gateway's reconciliation file (formats.md "A payment reconciliation file"), read and
 * checked whole before anything is written: one malformed line refuses the file, and the refusal names
 * every bad line (header = line 1) and its column, in English and Arabic. CSV is left to csv-parse
 * (RFC 4180 quoting, quoted line breaks); this file only says what a good line is.
 */
import { createHash } from 'node:crypto';
import { parse, CsvError } from 'csv-parse/sync';
import { PAYMENT_CHANNELS, paymentChannelOf, type PaymentChannel } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { csvProblem, isoInstantWithOffset, lineAt, lineStarts } from './reconciliation-text';

/** The largest file the desk reads: a day of a gateway's payments is far smaller. */
export const MAX_RECONCILIATION_BYTES = 20 * 1024 * 1024;
/** One payment's upper bound (1,000,000 SAR), the same as a manual payment's. */
export const MAX_PAYMENT_HALALAS = 100_000_000;

const COLUMNS = ['transaction_id', 'sadad_bill_number', 'invoice_number', 'amount_halalas', 'paid_at', 'channel'] as const;
type Column = (typeof COLUMNS)[number];
/** Either bill number or invoice number may be left out of the header, not both (a card-only gateway has no bills). */
const ALWAYS_REQUIRED: readonly Column[] = ['transaction_id', 'amount_halalas', 'paid_at', 'channel'];

export interface ReconciliationLine {
  /** Where the line starts in the file (header = 1), for messages. */
  line: number;
  transactionId: string;
  sadadBillNumber: string | null;
  invoiceNumber: string | null;
  amountHalalas: number;
  /** The instant paid, as UTC ISO-8601 (the file's offset applied). */
  paidAt: string;
  channel: PaymentChannel;
}

export interface ReconciliationFile {
  sha256: string;
  lines: ReconciliationLine[];
}

export interface FileProblem {
  /** 0 when the problem is the file as a whole. */
  line: number;
  column: string | null;
  en: string;
  ar: string;
}

/** A refused file: every problem found (up to a limit), the first few in the message. */
export class ReconciliationFileError extends DeskFault {
  constructor(
    readonly fileName: string,
    readonly problems: FileProblem[],
  ) {
    const shown = problems.slice(0, 5);
    const more = problems.length - shown.length;
    super(
      'bad_input',
      `${fileName} was refused and nothing was imported: ${shown.map(where('en')).join('; ')}${more > 0 ? `; and ${more} more problem(s)` : ''}`,
      `رُفض الملف ${fileName} ولم يُستورد منه شيء: ${shown.map(where('ar')).join('؛ ')}${more > 0 ? `؛ و${more} مشكلة أخرى` : ''}`,
    );
  }
}

/** "line 3, column amount_halalas: …" / "السطر 3، العمود amount_halalas: …". */
export const where =
  (lang: 'en' | 'ar') =>
  (p: FileProblem): string => {
    const at =
      lang === 'en'
        ? [p.line > 0 ? `line ${p.line}` : null, p.column ? `column ${p.column}` : null]
        : [p.line > 0 ? `السطر ${p.line}` : null, p.column ? `العمود ${p.column}` : null];
    const place = at.filter(Boolean).join(lang === 'en' ? ', ' : '، ');
    return place ? `${place}: ${p[lang]}` : p[lang];
  };

const MAX_PROBLEMS = 50;

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** Reads and checks the whole file; throws ReconciliationFileError naming every bad line and column. */
export function parseReconciliationFile(fileName: string, content: string | Uint8Array): ReconciliationFile {
  const refuse = (problems: FileProblem[]): never => {
    throw new ReconciliationFileError(fileName, problems);
  };
  const whole = (en: string, ar: string) => refuse([{ line: 0, column: null, en, ar }]);

  let bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (bytes.length > MAX_RECONCILIATION_BYTES)
    whole(
      `the file is larger than ${MAX_RECONCILIATION_BYTES / 1024 / 1024} MiB`,
      `حجم الملف أكبر من ${MAX_RECONCILIATION_BYTES / 1024 / 1024} ميغابايت`,
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (typeof content !== 'string') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      whole('the file is not UTF-8 text', 'الملف ليس نصاً بترميز UTF-8');
    }
  }
  // The BOM is dropped here rather than by the parser, so byte offsets (and so line numbers) stay the file's own.
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  bytes = bytes.subarray(bomLength);
  if (bytes.every((b) => b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09)) whole('the file is empty', 'الملف فارغ');
  const starts = lineStarts(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) refuse([{ line: lineAt(starts, nul), column: null, en: 'contains a NUL character', ar: 'يحتوي على محرف NUL غير مسموح' }]);

  // Every record with the offset where it starts: a quoted field may span lines, and the line named is its first.
  const records: Array<{ fields: string[]; line: number }> = [];
  let recordStart = 0;
  // A CSV error stops the reading; the lines read before it are still checked, so every problem is named at once.
  let broken: FileProblem | null = null;
  try {
    parse(bytes, {
      relax_column_count: true,
      // Files are written on every system: CR LF, LF and CR all end a line, even mixed in one file.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context: { bytes: number }) => {
        records.push({ fields: record, line: lineAt(starts, recordStart) });
        // Where the next record starts: just past this one and its line break.
        recordStart = context.bytes;
        return null;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // Skip the blank lines before the record that failed, so the line named is where it starts.
    let at = recordStart;
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    broken = { line: lineAt(starts, at), column: null, ...csvProblem(e) };
  }

  const blank = (f: string[]) => f.length === 1 && f[0]!.trim() === '';
  const rows = records.filter((r) => !blank(r.fields));
  const header = rows.shift();
  if (!header) return refuse(broken ? [broken] : [{ line: 0, column: null, en: 'the file is empty', ar: 'الملف فارغ' }]);
  const index = new Map<Column, number>();
  const problems: FileProblem[] = [];
  header.fields.forEach((raw, i) => {
    const name = COLUMNS.find((c) => c === raw.trim().toLowerCase());
    if (!name) return; // unknown columns are ignored (formats.md)
    if (index.has(name)) problems.push({ line: header.line, column: name, en: 'is named twice in the header', ar: 'مذكور مرتين في سطر العناوين' });
    index.set(name, i);
  });
  for (const c of ALWAYS_REQUIRED)
    if (!index.has(c)) problems.push({ line: header.line, column: c, en: 'is missing from the header', ar: 'غير موجود في سطر العناوين' });
  if (!index.has('sadad_bill_number') && !index.has('invoice_number'))
    problems.push({
      line: header.line,
      column: 'sadad_bill_number',
      en: 'is missing from the header, and so is invoice_number: a payment needs one of them',
      ar: 'غير موجود في سطر العناوين ولا invoice_number: لا بد من أحدهما',
    });
  if (problems.length > 0) refuse(broken ? [...problems, broken] : problems);
  if (broken && rows.length === 0) refuse([broken]);
  if (rows.length === 0) whole('the file has a header but no payment lines', 'في الملف سطر العناوين فقط ولا توجد فيه أسطر مدفوعات');

  const lines: ReconciliationLine[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const bad = (column: Column | null, en: string, ar: string) => {
      problems.push({ line: row.line, column, en, ar });
    };
    if (row.fields.length !== header.fields.length) {
      bad(
        null,
        `has ${row.fields.length} field(s) where the header has ${header.fields.length}`,
        `عدد حقوله ${row.fields.length} وعدد حقول سطر العناوين ${header.fields.length}`,
      );
      continue;
    }
    const raw = (c: Column) => (index.has(c) ? row.fields[index.get(c)!]! : '');
    const text = (c: Column) => raw(c).trim();
    const before = problems.length;

    const transactionId = text('transaction_id');
    if (transactionId === '') bad('transaction_id', 'is empty', 'فارغ');
    else if (transactionId.length > 100) bad('transaction_id', 'is longer than 100 characters', 'أطول من 100 حرف');
    else if (/[\s\p{Cc}]/u.test(transactionId))
      bad('transaction_id', `${shown(transactionId)} contains spaces`, `${shown(transactionId)} يحتوي على مسافات`);
    else if (seen.has(transactionId))
      bad(
        'transaction_id',
        `${shown(transactionId)} is on line ${seen.get(transactionId)} too; a transaction is listed once`,
        `${shown(transactionId)} مكرر في السطر ${seen.get(transactionId)}؛ تذكر العملية مرة واحدة`,
      );
    else seen.set(transactionId, row.line);

    const bill = text('sadad_bill_number');
    if (bill !== '' && !/^[0-9A-Za-z-]{1,40}$/.test(bill))
      bad(
        'sadad_bill_number',
        `${shown(bill)} is not a SADAD bill number (up to 40 letters and digits)`,
        `${shown(bill)} ليس رقم فاتورة سداد (حتى 40 حرفاً ورقماً)`,
      );
    const invoice = text('invoice_number');
    if (invoice !== '' && !/^INV-\d{4}-\d{6}$/.test(invoice))
      bad(
        'invoice_number',
        `${shown(invoice)} is not an invoice number of the form INV-YYYY-NNNNNN`,
        `${shown(invoice)} ليس رقم فاتورة بالصيغة INV-YYYY-NNNNNN`,
      );
    if (bill === '' && invoice === '')
      bad(
        index.has('sadad_bill_number') ? 'sadad_bill_number' : 'invoice_number',
        'is empty, and so is invoice_number: a payment needs its SADAD bill number or its invoice number',
        'فارغ وكذلك invoice_number: لا بد من رقم فاتورة سداد أو رقم الفاتورة',
      );

    // No trimming here: "1 000", " 300", "300.00", "+300" are all refused, never read as something else.
    const amount = raw('amount_halalas');
    if (!/^\d+$/.test(amount))
      bad(
        'amount_halalas',
        `${shown(amount)} is not a whole number of halalas (digits only: no decimals, signs or spaces)`,
        `${shown(amount)} ليس عدداً صحيحاً من الهللات (أرقام فقط بلا كسور أو إشارات أو مسافات)`,
      );
    else if (Number(amount) === 0) bad('amount_halalas', 'is zero; a payment is more than zero', 'صفر؛ لا بد أن يكون المبلغ أكبر من صفر');
    else if (Number(amount) > MAX_PAYMENT_HALALAS)
      bad('amount_halalas', `${shown(amount)} is more than ${MAX_PAYMENT_HALALAS} halalas`, `${shown(amount)} أكبر من ${MAX_PAYMENT_HALALAS} هللة`);

    const paidAtText = text('paid_at');
    const paidAt = isoInstantWithOffset(paidAtText);
    if (!paidAt)
      bad(
        'paid_at',
        `${shown(paidAtText)} is not a real date and time in ISO 8601 with its offset, e.g. 2026-11-29T14:05:00+03:00`,
        `${shown(paidAtText)} ليس تاريخاً ووقتاً صحيحين بصيغة ISO 8601 مع فرق التوقيت، مثل 2026-11-29T14:05:00+03:00`,
      );

    const channelText = text('channel').toLowerCase();
    const channel = paymentChannelOf(channelText);
    if (!channel)
      bad(
        'channel',
        `${shown(channelText)} is not one of ${PAYMENT_CHANNELS.join(', ')}`,
        `${shown(channelText)} ليست من القنوات ${PAYMENT_CHANNELS.join('، ')}`,
      );

    if (problems.length === before)
      lines.push({
        line: row.line,
        transactionId,
        sadadBillNumber: bill || null,
        invoiceNumber: invoice || null,
        amountHalalas: Number(amount),
        paidAt: paidAt!,
        channel: channel!,
      });
  }
  if (broken) problems.push(broken);
  if (problems.length > 0) refuse(problems);
  return { sha256, lines };
}
