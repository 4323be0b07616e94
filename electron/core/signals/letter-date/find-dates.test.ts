import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates';
import { pickIssueDate } from './pick-date';
import { hijriOf, hijriToGregorian } from '../../time/hijri';

const dates = (text: string) => findDates(text).map((f) => [f.date, f.calendar]);

describe('findDates: Gregorian formats', () => {
  it.each([
    ['Date: 2026-03-15', '2026-03-15'],
    ['2026/03/15', '2026-03-15'],
    ['15/03/2026', '2026-03-15'],
    ['15-3-2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15 / 03 / 2026', '2026-03-15'],
    ['15 March 2026', '2026-03-15'],
    ['15th of March, 2026', '2026-03-15'],
    ['15-Mar-2026', '2026-03-15'],
    ['March 15, 2026', '2026-03-15'],
    ['Sept 1 2026', '2026-09-01'],
    ['15 مارس 2026', '2026-03-15'],
    ['15 آذار 2026', '2026-03-15'],
    ['1 أبريل 2026م', '2026-04-01'],
    ['3 كانون الثاني 2026', '2026-01-03'],
    ['١٥/٠٣/٢٠٢٦', '2026-03-15'],
    ['۱۵ مارس ۲۰۲۶', '2026-03-15'],
    ['١٥ مـــارس ٢٠٢٦', '2026-03-15'],
  ])('%s', (text, date) => {
    expect(dates(text)).toEqual([[date, 'gregorian']]);
  });

  it('reads month first only where day first cannot be a date', () => {
    expect(dates('03/15/2026')).toEqual([['2026-03-15', 'gregorian']]);
    expect(dates('03/04/2026')).toEqual([['2026-04-03', 'gregorian']]);
  });

  it('keeps the date as written, Arabic-Indic digits and all', () => {
    const [f] = findDates('التاريخ: ١٥/٠٣/٢٠٢٦م');
    expect(f).toMatchObject({ written: '١٥/٠٣/٢٠٢٦', line: 'التاريخ: ١٥/٠٣/٢٠٢٦م', lineNumber: 1, labelled: true });
  });

  it.each([
    ['31/04/2026', 'no 31 April'],
    ['29/02/2026', 'no 29 February in a common year'],
    ['2026-13-01', 'no month 13'],
    ['00/03/2026', 'no day 0'],
    ['15/03/1850', 'a year no letter carries'],
    ['32 March 2026', 'no 32nd'],
    ['115/03/2026', 'a longer number is not a day'],
    ['15/03/20261', 'a longer number is not a year'],
    ['Ref 2026-1234', 'a reference number'],
    ['Marketing 2026', 'a word that starts like a month'],
  ])('finds nothing in %s (%s)', (text) => {
    expect(dates(text)).toEqual([]);
  });

  it('accepts 29 February of a leap year', () => {
    expect(dates('29/02/2028')).toEqual([['2028-02-29', 'gregorian']]);
  });
});

describe('findDates: Hijri', () => {
  it.each([
    ['1447/09/25 هـ', '2026-03-14'],
    ['25/09/1447هـ', '2026-03-14'],
    ['٢٥/٠٩/١٤٤٧ هـ', '2026-03-14'],
    ['25 رمضان 1447', '2026-03-14'],
    ['25 رمضان 1447 هـ', '2026-03-14'],
    ['13 جمادى الآخرة 1447هـ', '2025-12-04'],
    ['1 ربيع الأول 1447', '2025-08-24'],
    ['25 Ramadan 1447 AH', '2026-03-14'],
  ])('%s', (text, date) => {
    expect(dates(text)).toEqual([[date, 'hijri']]);
  });

  it('a Hijri day that does not exist is no date', () => {
    // Safar 1447 has 29 days in Umm al-Qura.
    expect(hijriToGregorian({ year: 1447, month: 2, day: 30 })).toBeNull();
    expect(dates('30 صفر 1447')).toEqual([]);
  });

  it('converts every day of 1440–1460 AH there and back', () => {
    const start = Date.parse('2018-09-11') / 86_400_000;
    for (let day = start; day < start + 20 * 355; day++) {
      expect(hijriToGregorian(hijriOf(day))).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('a Gregorian month name with a Hijri year is no date', () => {
    expect(dates('15 March 1447')).toEqual([]);
  });
});

describe('findDates: labels', () => {
  it('marks the date beside a label, on either side (Arabic lines can come out in visual order)', () => {
    const found = findDates('Ref: HR/2026/118\nJoined on 2019-05-01\nDate: 15/03/2026\n2026/03/15 :التاريخ');
    expect(found.map((f) => [f.date, f.labelled])).toEqual([
      ['2019-05-01', false],
      ['2026-03-15', true],
      ['2026-03-15', true],
    ]);
  });

  it('a label alone on its line labels the date on the next', () => {
    expect(findDates('التاريخ:\n1447/09/25 هـ').map((f) => f.labelled)).toEqual([true]);
  });

  it('a date of birth or of joining is not the letter’s date', () => {
    const found = findDates('Date of birth: 12/05/1985\nتاريخ الميلاد: 1985/05/12\nتاريخ التعيين 2019/01/01');
    expect(found.every((f) => !f.labelled)).toBe(true);
  });
});

describe('pickIssueDate', () => {
  it('takes the labelled date over a later unlabelled one', () => {
    const found = findDates('Date: 2026-01-10\nContract ends 2026-02-01');
    expect(pickIssueDate(found, '2026-03-01')?.date).toBe('2026-01-10');
  });

  it('without a label, takes the latest date not after the submission', () => {
    const found = findDates('Joined 2019-05-01\nLetter 2026-02-20\nValid until 2026-08-20');
    expect(pickIssueDate(found, '2026-03-01')?.date).toBe('2026-02-20');
  });

  it('gives nothing when no date qualifies', () => {
    expect(pickIssueDate(findDates('Valid until 2027-01-01'), '2026-03-01')).toBeNull();
    expect(pickIssueDate([], '2026-03-01')).toBeNull();
  });
});
