import { describe, expect, it } from 'vitest';
import { samplePolicy } from '../policy/sample-policy';
import { slaPolicySchema } from '../../../shared/domain';
import { addWorkingDays, closedDays, daysWithApplicant, isWorkingDay, slaDueOn, slaStanding, workingDaysFromTo } from './sla-clock';

const none = closedDays([]);
const eid = closedDays([{ from: '2026-03-19', to: '2026-03-24', nameAr: 'عيد الفطر', nameEn: 'Eid al-Fitr' }]);
// Riyadh is UTC+3: 09:00 Riyadh is 06:00Z.
const at = (day: string) => `${day}T06:00:00.000Z`;

describe('working days with public holidays', () => {
  it('Friday, Saturday and a holiday are not working days', () => {
    expect(isWorkingDay('2026-03-06', none)).toBe(false); // Friday
    expect(isWorkingDay('2026-03-07', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', none)).toBe(true); // Sunday
    expect(isWorkingDay('2026-03-22', eid)).toBe(false); // a Sunday inside Eid
  });
  it('adds working days over a weekend and over a holiday', () => {
    expect(addWorkingDays('2026-03-05', 1, none)).toBe('2026-03-08'); // Thursday + 1 → Sunday
    expect(addWorkingDays('2026-03-05', 0, none)).toBe('2026-03-05');
    expect(addWorkingDays('2026-03-01', 10, none)).toBe('2026-03-15');
    // Eid closes Thu 19 – Tue 24 March; from Sunday 15 March: 16, 17, 18 (3), 25, 26 (5), 29, 30, 31, 1 Apr, 2 Apr (10).
    expect(addWorkingDays('2026-03-15', 10, eid)).toBe('2026-04-02');
  });
  it('counts working days between two days, negative backwards', () => {
    expect(workingDaysFromTo('2026-03-01', '2026-03-08', none)).toBe(5);
    expect(workingDaysFromTo('2026-03-18', '2026-03-25', eid)).toBe(1);
    expect(workingDaysFromTo('2026-03-08', '2026-03-01', none)).toBe(-5);
    expect(workingDaysFromTo('2026-03-05', '2026-03-05', none)).toBe(0);
  });
  it('counts as walking day by day would, over long spans, holidays on any weekday and odd entries in the table', () => {
    const walked = (from: string, to: string, closed: ReadonlySet<string>): number => {
      if (to < from) return -walked(to, from, closed);
      let n = 0;
      for (let d = from; d < to;) {
        d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (isWorkingDay(d, closed)) n += 1;
      }
      return n;
    };
    const tables = [none, eid, closedDays(samplePolicy().sla.holidays), new Set(['2026-03-22', '2026-3-23', '2026-02-30', 'x', '2025-12-31'])];
    let s = 7;
    const next = (n: number) => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const day = () => new Date(Date.UTC(2025, 0, 1) + next(900) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 600; i++) {
      const [from, to, closed] = [day(), day(), tables[i % tables.length]!];
      expect(workingDaysFromTo(from, to, closed), `${from} → ${to}`).toBe(walked(from, to, closed));
    }
  });
});

describe('the SLA clock', () => {
  const policy = samplePolicy();
  it('gives each service its own number of working days, and the default to one not listed', () => {
    const facts = { status: 'submitted' as const, submittedAt: at('2026-11-01'), steps: [] };
    expect(slaDueOn({ ...facts, service: 'REGISTRATION' }, policy)).toBe('2026-11-15'); // 10 working days
    expect(slaDueOn({ ...facts, service: 'RENEWAL' }, policy)).toBe('2026-11-08'); // 5
    const fewer = { ...policy, sla: { ...policy.sla, workingDays: {} }, slaWorkingDays: 2 };
    expect(slaDueOn({ ...facts, service: 'RENEWAL' }, fewer)).toBe('2026-11-03');
  });
  it('reads the submission day in Riyadh', () => {
    // 22:30Z on Wednesday 4 Nov is Thursday 5 Nov in Riyadh: five working days on is Thursday 12 Nov.
    expect(slaDueOn({ service: 'RENEWAL', status: 'submitted', submittedAt: '2026-11-04T22:30:00Z', steps: [] }, policy)).toBe('2026-11-12');
  });
  it('skips a holiday of the policy table', () => {
    // Submitted Sunday 20 Sep 2026; National Day (Wed 23 Sep) is closed: 5 working days end Monday 28 Sep.
    expect(slaDueOn({ service: 'RENEWAL', status: 'in_review', submittedAt: at('2026-09-20'), steps: [] }, policy)).toBe('2026-09-28');
  });
  it('stops while the request is with the applicant', () => {
    const steps = [
      { action: 'claim', at: at('2026-11-02') },
      { action: 'return_to_applicant', at: at('2026-11-03') }, // Tuesday, still the desk's day
      { action: 'resubmit', at: at('2026-11-10') }, // the next Tuesday: 5 working days with the applicant
    ];
    expect(daysWithApplicant(steps, none)).toBe(5);
    expect(slaDueOn({ service: 'RENEWAL', status: 'resubmitted', submittedAt: at('2026-11-01'), steps }, policy)).toBe('2026-11-15');
    // Returned twice: both stretches count.
    const twice = [...steps, { action: 'return_to_applicant', at: at('2026-11-11') }, { action: 'resubmit', at: at('2026-11-12') }];
    expect(daysWithApplicant(twice, none)).toBe(6);
    // While returned there is no due day; the days so far can be counted up to a day.
    expect(slaDueOn({ service: 'RENEWAL', status: 'returned', submittedAt: at('2026-11-01'), steps: steps.slice(0, 2) }, policy)).toBeNull();
    expect(daysWithApplicant(steps.slice(0, 2), none, '2026-11-05')).toBe(2);
  });
  it('has no due day once decided', () => {
    expect(slaDueOn({ service: 'RENEWAL', status: 'approved', submittedAt: at('2026-11-01'), steps: [] }, policy)).toBeNull();
    expect(slaDueOn({ service: 'RENEWAL', status: 'awaiting_second_signature', submittedAt: at('2026-11-01'), steps: [] }, policy)).toBe(
      '2026-11-08',
    );
  });
});

describe('how a request stands', () => {
  it('is due in working days, due today, or overdue by working days', () => {
    expect(slaStanding('in_review', '2026-12-08', '2026-12-03', none)).toEqual({ state: 'running', dueOn: '2026-12-08', daysLeft: 3 });
    expect(slaStanding('submitted', '2026-12-03', '2026-12-03', none)).toMatchObject({ daysLeft: 0 });
    expect(slaStanding('submitted', '2026-12-01', '2026-12-06', none)).toMatchObject({ daysLeft: -3 });
    // The Friday after a Thursday due day is already overdue.
    expect(slaStanding('submitted', '2026-12-03', '2026-12-04', none)).toMatchObject({ daysLeft: -1 });
  });
  it('is paused with the applicant and has no standing once decided', () => {
    expect(slaStanding('returned', null, '2026-12-03', none)).toEqual({ state: 'paused' });
    expect(slaStanding('approved', null, '2026-12-03', none)).toBeNull();
  });
});

describe('the policy SLA tables', () => {
  const sla = samplePolicy().sla;
  it('ships working days for every service and the 2026–2027 holidays', () => {
    expect(slaPolicySchema.parse(sla)).toEqual(sla);
    expect(sla.holidays.map((h) => h.from)).toContain('2027-09-23');
  });
  it('refuses a holiday ending before it starts, a day that does not exist and a key that is no service', () => {
    const holiday = { from: '2026-09-23', to: '2026-09-22', nameAr: 'اليوم الوطني', nameEn: 'National Day' };
    expect(slaPolicySchema.safeParse({ ...sla, holidays: [holiday] }).error?.issues[0]).toMatchObject({ path: ['holidays', 0, 'to'] });
    expect(slaPolicySchema.safeParse({ ...sla, holidays: [{ ...holiday, from: '2026-02-30', to: '2026-03-01' }] }).success).toBe(false);
    expect(slaPolicySchema.safeParse({ ...sla, workingDays: { RENEWALS: 5 } }).success).toBe(false);
    expect(slaPolicySchema.safeParse({ ...sla, workingDays: { RENEWAL: 0 } }).success).toBe(false);
  });
});
