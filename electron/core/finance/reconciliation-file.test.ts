/** The reconciliation file as formats.md defines it: what is read, and every way a line is refused (line and column named). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_RECONCILIATION_BYTES, parseReconciliationFile, ReconciliationFileError } from './reconciliation-file';
import { isoInstantWithOffset } from './reconciliation-text';
import { CSV_HEADER } from './testing/awaiting-payment';

const GOOD = 'TX-1,1260000011,INV-2026-000001,35000,2026-11-29T14:05:00+03:00,sadad';

/** The problems a refused file names, as "line:column: English". */
function problems(content: string | Uint8Array): string[] {
  try {
    parseReconciliationFile('f.csv', content);
  } catch (e) {
    expect(e).toBeInstanceOf(ReconciliationFileError);
    const err = e as ReconciliationFileError;
    expect(err.code).toBe('bad_input');
    expect(err.messageAr).toMatch(/رُفض الملف f\.csv/);
    return err.problems.map((p) => `${p.line}:${p.column ?? '-'}: ${p.en}`);
  }
  throw new Error('the file was accepted');
}

/** One data line after the standard header (so it is line 2). */
const line2 = (row: string) => problems(`${CSV_HEADER}\n${row}\n`);

describe('reading a reconciliation file', () => {
  it('the formats.md example', () => {
    const f = parseReconciliationFile('x.csv', `${CSV_HEADER}\n${GOOD}\n`);
    expect(f.lines).toEqual([
      {
        line: 2,
        transactionId: 'TX-1',
        sadadBillNumber: '1260000011',
        invoiceNumber: 'INV-2026-000001',
        amountHalalas: 35000,
        paidAt: '2026-11-29T11:05:00.000Z',
        channel: 'sadad',
      },
    ]);
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('BOM, CR LF, quoted header names, columns in another order, unknown columns, quoted commas and line breaks, no final line break', () => {
    const content =
      '\uFEFF"Channel","memo","amount_halalas","transaction_id","paid_at","invoice_number"\r\n' +
      'card,"paid, in full",35000,TX-A,2026-03-20T10:00:00Z,INV-2026-000002\r\n' +
      '\r\n' +
      'MADA,"two\r\nlines",100,"TX-B",2026-03-20T10:00:00.5+0300,"INV-2026-000003"';
    const f = parseReconciliationFile('x.csv', content);
    expect(f.lines.map((l) => [l.line, l.transactionId, l.channel, l.amountHalalas, l.invoiceNumber, l.sadadBillNumber, l.paidAt])).toEqual([
      [2, 'TX-A', 'card', 35000, 'INV-2026-000002', null, '2026-03-20T10:00:00.000Z'],
      [4, 'TX-B', 'mada', 100, 'INV-2026-000003', null, '2026-03-20T07:00:00.500Z'],
    ]);
    // The same bytes as a file read from disk: the sha256 is of the file as sent.
    expect(parseReconciliationFile('x.csv', Buffer.from(content)).sha256).toBe(f.sha256);
  });

  it('LF, CR LF and lone CR line ends mixed in one file', () => {
    const rows = [CSV_HEADER, GOOD, GOOD.replace('TX-1', 'TX-2'), GOOD.replace('TX-1', 'TX-3'), GOOD.replace('TX-1', 'TX-4')];
    const f = parseReconciliationFile('x.csv', `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[3]}\r\n${rows[4]}\n`);
    expect(f.lines.map((l) => `${l.line}:${l.transactionId}`)).toEqual(['2:TX-1', '3:TX-2', '4:TX-3', '5:TX-4']);
  });

  it('the fixture written as an outside party would', () => {
    const f = parseReconciliationFile('g.csv', readFileSync(join(__dirname, 'fixtures', 'gateway-2026-03-20.csv')));
    expect(f.lines.map((l) => l.line)).toEqual([2, 3, 5, 6, 7, 8, 9]);
    expect(f.lines.map((l) => l.channel)).toEqual(['sadad', 'card', 'sadad', 'mada', 'apple_pay', 'bank_transfer', 'sadad']);
  });

  it('a bill number alone, or an invoice number alone, or only one of those columns in the header', () => {
    expect(parseReconciliationFile('x', `${CSV_HEADER}\nTX-1,1260000011,,1,2026-01-01T00:00:00Z,sadad\n`).lines[0]).toMatchObject({
      sadadBillNumber: '1260000011',
      invoiceNumber: null,
    });
    const cardOnly = 'transaction_id,invoice_number,amount_halalas,paid_at,channel\nTX-1,INV-2026-000001,1,2026-01-01T00:00:00Z,card\n';
    expect(parseReconciliationFile('x', cardOnly).lines[0]).toMatchObject({ sadadBillNumber: null, invoiceNumber: 'INV-2026-000001' });
  });
});

describe('refusing a reconciliation file', () => {
  it('every kind of bad value, naming its line and column', () => {
    expect(line2('TX-1,1260000011,INV-2026-000001,35000,2026-11-29T14:05:00+03:00,cash')).toEqual([
      '2:channel: "cash" is not one of sadad, mada, card, apple_pay, bank_transfer',
    ]);
    expect(line2(',1260000011,,35000,2026-11-29T14:05:00+03:00,sadad')).toEqual(['2:transaction_id: is empty']);
    expect(line2('TX 1,1260000011,,35000,2026-11-29T14:05:00+03:00,sadad')).toEqual(['2:transaction_id: "TX 1" contains spaces']);
    expect(line2('TX-1,,,35000,2026-11-29T14:05:00+03:00,sadad')).toEqual([
      '2:sadad_bill_number: is empty, and so is invoice_number: a payment needs its SADAD bill number or its invoice number',
    ]);
    expect(line2('TX-1,,INV-26-000001,35000,2026-11-29T14:05:00+03:00,card')).toEqual([
      '2:invoice_number: "INV-26-000001" is not an invoice number of the form INV-YYYY-NNNNNN',
    ]);
    expect(line2('TX-1,12 34,,35000,2026-11-29T14:05:00+03:00,sadad')[0]).toMatch(/^2:sadad_bill_number: "12 34" is not a SADAD bill number/);
    for (const amount of ['350.00', '-35000', '+35000', ' 35000', '35 000', '3.5e4', '', 'SAR 350'])
      expect(line2(`TX-1,1260000011,,${amount},2026-11-29T14:05:00+03:00,sadad`)).toEqual([
        `2:amount_halalas: ${JSON.stringify(amount)} is not a whole number of halalas (digits only: no decimals, signs or spaces)`,
      ]);
    expect(line2('TX-1,1260000011,,0,2026-11-29T14:05:00+03:00,sadad')).toEqual(['2:amount_halalas: is zero; a payment is more than zero']);
    expect(line2('TX-1,1260000011,,100000001,2026-11-29T14:05:00+03:00,sadad')[0]).toMatch(/^2:amount_halalas: "100000001" is more than/);
    for (const paidAt of [
      '2026-02-30T10:00:00+03:00',
      '2026-11-29T14:05:00',
      '2026-11-29',
      '29/11/2026 14:05',
      '2026-11-29T24:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-29T14:05:00+25:00',
    ])
      expect(line2(`TX-1,1260000011,,35000,${paidAt},sadad`)).toEqual([
        `2:paid_at: ${JSON.stringify(paidAt)} is not a real date and time in ISO 8601 with its offset, e.g. 2026-11-29T14:05:00+03:00`,
      ]);
  });

  it('every bad line of the file is named, not only the first; a good line does not hide them', () => {
    const content = [
      CSV_HEADER,
      GOOD,
      'TX-2,,,35000,2026-11-29T14:05:00+03:00,sadad',
      'TX-3,1260000011,,35000,2026-02-29T14:05:00+03:00,sadad',
      GOOD.replace('TX-1', 'TX-4'),
      'TX-5,1260000011,,1.5,yesterday,cash',
    ].join('\n');
    expect(problems(content)).toEqual([
      '3:sadad_bill_number: is empty, and so is invoice_number: a payment needs its SADAD bill number or its invoice number',
      // 2026 is not a leap year.
      '4:paid_at: "2026-02-29T14:05:00+03:00" is not a real date and time in ISO 8601 with its offset, e.g. 2026-11-29T14:05:00+03:00',
      '6:amount_halalas: "1.5" is not a whole number of halalas (digits only: no decimals, signs or spaces)',
      '6:paid_at: "yesterday" is not a real date and time in ISO 8601 with its offset, e.g. 2026-11-29T14:05:00+03:00',
      '6:channel: "cash" is not one of sadad, mada, card, apple_pay, bank_transfer',
    ]);
  });

  it('a transaction id twice in one file names both lines', () => {
    expect(problems([CSV_HEADER, GOOD, GOOD.replace('TX-1', 'TX-2'), GOOD].join('\r\n'))).toEqual([
      '4:transaction_id: "TX-1" is on line 2 too; a transaction is listed once',
    ]);
  });

  it('the header: a required column missing, or named twice', () => {
    expect(problems('transaction_id,invoice_number,paid_at,channel\nTX-1,INV-2026-000001,2026-01-01T00:00:00Z,card\n')).toEqual([
      '1:amount_halalas: is missing from the header',
    ]);
    expect(problems('transaction_id,amount_halalas,paid_at,channel\nTX-1,1,2026-01-01T00:00:00Z,card\n')).toEqual([
      '1:sadad_bill_number: is missing from the header, and so is invoice_number: a payment needs one of them',
    ]);
    expect(problems(`${CSV_HEADER},amount_halalas\n${GOOD},1\n`)).toEqual(['1:amount_halalas: is named twice in the header']);
  });

  it('broken CSV: a field count that is not the header’s, a quote never closed, a stray quote', () => {
    expect(problems(`${CSV_HEADER}\n${GOOD},extra\n`)).toEqual(['2:-: has 7 field(s) where the header has 6']);
    expect(problems(`${CSV_HEADER}\n${GOOD}\nTX-2,"1260000011,,1,2026-01-01T00:00:00Z,sadad\n`)).toEqual([
      '3:-: a quoted field opened here is never closed',
    ]);
    expect(problems(`${CSV_HEADER}\n${GOOD}\n\nTX-2,12"6,,1,2026-01-01T00:00:00Z,sadad\n`)[0]).toMatch(
      /^4:-: a quote appears inside an unquoted field/,
    );
    // Lines before the break are still checked.
    expect(problems(`${CSV_HEADER}\nTX-1,,,1,2026-01-01T00:00:00Z,sadad\n"TX-2\n`)).toEqual([
      '2:sadad_bill_number: is empty, and so is invoice_number: a payment needs its SADAD bill number or its invoice number',
      '3:-: a quoted field opened here is never closed',
    ]);
  });

  it('an empty file, a header alone, a file too large, not UTF-8, a NUL character', () => {
    expect(problems('')).toEqual(['0:-: the file is empty']);
    expect(problems('\uFEFF\r\n\r\n')).toEqual(['0:-: the file is empty']);
    expect(problems(`${CSV_HEADER}\r\n`)).toEqual(['0:-: the file has a header but no payment lines']);
    expect(problems(Buffer.alloc(MAX_RECONCILIATION_BYTES + 1, 0x41))).toEqual(['0:-: the file is larger than 20 MiB']);
    expect(problems(Buffer.concat([Buffer.from(`${CSV_HEADER}\n${GOOD}`), Buffer.from([0xff, 0xfe])]))).toEqual(['0:-: the file is not UTF-8 text']);
    expect(problems(`${CSV_HEADER}\n${GOOD}\nTX-\u00002,1,,1,2026-01-01T00:00:00Z,sadad\n`)).toEqual(['3:-: contains a NUL character']);
  });

  it('the message names the first problems in English and Arabic, and how many more', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `TX-${i},,,1,2026-01-01T00:00:00Z,sadad`);
    try {
      parseReconciliationFile('day.csv', [CSV_HEADER, ...rows].join('\n'));
      expect.unreachable();
    } catch (e) {
      const err = e as ReconciliationFileError;
      expect(err.message).toMatch(/^day\.csv was refused and nothing was imported: line 2, column sadad_bill_number: is empty/);
      expect(err.message).toContain('; and 3 more problem(s)');
      expect(err.messageAr).toContain('السطر 2، العمود sadad_bill_number');
    }
  });
});

describe('ISO 8601 instants with an offset', () => {
  it.each([
    ['2026-11-29T14:05:00+03:00', '2026-11-29T11:05:00.000Z'],
    ['2026-11-29T14:05+03:00', '2026-11-29T11:05:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2026-11-29T01:00:00-0500', '2026-11-29T06:00:00.000Z'],
    ['2026-11-29T14:05:00.123456+03:00', '2026-11-29T11:05:00.123Z'],
  ])('%s is %s', (v, iso) => expect(isoInstantWithOffset(v)).toBe(iso));
  it.each(['2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-29T14:60:00Z', '2026-11-29 14:05:00+03:00', '2026-11-29T14:05:00+03'])(
    '%s is refused',
    (v) => expect(isoInstantWithOffset(v)).toBeNull(),
  );
});
