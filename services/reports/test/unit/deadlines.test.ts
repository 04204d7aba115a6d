/**
 * The deadline engine's rules: which day does what (the offsets, the first day overdue, weekly
 * after), the ids that make a reminder once, the shards, the time nodes of key tasks, and the
 * Chinese text of a reminder within one SMS.
 */
import { addDays, calendarDueAt, chunksOf, dayOfAction, daysBetween, defaultDueAt, dueDatesActedOn, escalationIdOf, ledgerDueAt, milestoneMet, overseersOf, owedBy, packed, pendingOf, planOf, reminderIdOf, shardOf } from '../../src/domain/deadlines.js';
import { chineseDate, escalationText, reminderText, titleOf } from '../../src/domain/reminderText.js';
import { deadlineEngineConfig } from '../../src/config.js';
import { smsSegments } from '../../src/adapters/notify/smsText.js';

const rules = { offsets: [14, 7, 3, 1, 0], maxRounds: 52 };
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const due = defaultDueAt('annualReport', 2026);

describe('the calendar’s defaults', () => {
  it('puts the report on 2026 at 31 January 2027 and the hearings at 31 March, both 23:59:59 CST; a ledger month at its last day', () => {
    expect(due).toBe('2027-01-31T23:59:59+08:00');
    expect(defaultDueAt('hearing', 2026)).toBe('2027-03-31T23:59:59+08:00');
    expect(ledgerDueAt('2027-02')).toBe('2027-02-28T23:59:59+08:00');
    expect(ledgerDueAt('2028-02')).toBe('2028-02-29T23:59:59+08:00');
    expect(ledgerDueAt('2026-12')).toBe('2026-12-31T23:59:59+08:00');
  });

  it('takes the configured due date of the report (ANNUAL_REPORT_DUE) as its default, and a moved date over either', () => {
    // Prepare
    const moved = [{ year: 2026, deadlineKind: 'hearing' as const, dueAt: '2027-04-07T23:59:59+08:00' }];

    // Act and assess
    expect(calendarDueAt(moved, 'annualReport', 2026, '02-15T18:00:00')).toBe('2027-02-15T18:00:00+08:00');
    expect(calendarDueAt(moved, 'hearing', 2026, '02-15T18:00:00')).toBe('2027-04-07T23:59:59+08:00');
    expect(calendarDueAt(moved, 'hearing', 2027)).toBe('2028-03-31T23:59:59+08:00');
  });
});

describe('a run’s plan for a deadline', () => {
  it('reminds 14, 7, 3 and 1 days before and on the day, and does nothing on the days between', () => {
    const days = Array.from({ length: 16 }, (_, i) => addDays('2027-01-16', i));
    const plans = Object.fromEntries(days.map((d) => [d, planOf(due, at(d), rules)]));
    expect(Object.entries(plans).filter(([, p]) => p.action === 'remind').map(([d, p]) => [d, (p as { offsetDays: number }).offsetDays])).toEqual([
      ['2027-01-17', 14],
      ['2027-01-24', 7],
      ['2027-01-28', 3],
      ['2027-01-30', 1],
      ['2027-01-31', 0],
    ]);
    expect(plans['2027-01-16']).toEqual({ action: 'none' });
    expect(plans['2027-01-25']).toEqual({ action: 'none' });
  });

  it('escalates on the first day overdue, then every 7 days, up to the last round', () => {
    expect(planOf(due, at('2027-02-01'), rules)).toEqual({ action: 'escalate', round: 1, daysOverdue: 1 });
    expect(planOf(due, at('2027-02-02'), rules)).toEqual({ action: 'none' });
    expect(planOf(due, at('2027-02-08'), rules)).toEqual({ action: 'escalate', round: 2, daysOverdue: 8 });
    expect(planOf(due, at('2027-02-15'), rules)).toEqual({ action: 'escalate', round: 3, daysOverdue: 15 });
    expect(planOf(due, at(addDays('2027-01-31', 1 + 7 * 51)), rules)).toEqual({ action: 'escalate', round: 52, daysOverdue: 358 });
    expect(planOf(due, at(addDays('2027-01-31', 1 + 7 * 52)), rules)).toEqual({ action: 'none' });
  });

  it('counts days in China Standard Time: 23:59:59 on the 31st is that day, a run at 00:30 CST on the 1st is a day late', () => {
    expect(planOf(due, new Date('2027-01-31T15:59:59Z'), rules)).toEqual({ action: 'remind', offsetDays: 0 });
    expect(planOf(due, new Date('2027-01-31T16:30:00Z'), rules)).toEqual({ action: 'escalate', round: 1, daysOverdue: 1 });
  });

  it('follows a moved date: the offsets count from the new one', () => {
    const moved = '2027-02-07T23:59:59+08:00';
    expect(planOf(moved, at('2027-01-24'), rules)).toEqual({ action: 'remind', offsetDays: 14 });
    expect(planOf(moved, at('2027-01-31'), rules)).toEqual({ action: 'remind', offsetDays: 7 });
    expect(planOf(moved, at('2027-02-01'), rules)).toEqual({ action: 'none' });
  });

  it('looks up the due days of single records on exactly the offset days ahead and the escalation days behind', () => {
    const { reminders, escalations } = dueDatesActedOn('2027-01-17', { offsets: [14, 7, 3, 1, 0], maxRounds: 3 });
    expect(reminders).toEqual(['2027-01-31', '2027-01-24', '2027-01-20', '2027-01-18', '2027-01-17']);
    expect(escalations).toEqual(['2027-01-16', '2027-01-09', '2027-01-02']);
    expect(daysBetween('2027-01-17', '2027-01-16')).toBe(-1);
  });
});

describe('identities', () => {
  const recipient = { unitId: 'u-1', personId: null, role: 'unit_secretary' as const };
  const deadline = { kind: 'annualReport' as const, subject: '2026', unitId: 'u-1', dueAt: due };

  it('gives a reminder the same id for the same recipient, deadline and offset, and another for any other', () => {
    const id = reminderIdOf(recipient, deadline, 7);
    expect(reminderIdOf({ ...recipient }, { ...deadline }, 7)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([id, reminderIdOf(recipient, deadline, 3), reminderIdOf({ ...recipient, unitId: 'u-2' }, deadline, 7), reminderIdOf(recipient, { ...deadline, dueAt: '2027-02-07T23:59:59+08:00' }, 7)]).size).toBe(4);
  });

  it('gives an escalation one id per overseer, addressee, deadline and round, and per unit for a single record’s deadline', () => {
    const id = escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1);
    expect(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1)).toBe(id);
    expect(escalationIdOf('city', 'disciplineCommission', 'annualReport', '2026', due, 1)).not.toBe(id);
    expect(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 2)).not.toBe(id);
    // Two units' reports reopened to the same date, under the same upper level: two escalations.
    const reopened = '2027-03-01T23:59:59+08:00';
    expect(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', reopened, 1, 'town-a')).not.toBe(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', reopened, 1, 'town-b'));
  });

  it('dates a reminder by the day of its offset and an escalation by the day of its round, whatever the run’s time', () => {
    expect(dayOfAction(due, { offsetDays: 7 })).toBe('2027-01-24');
    expect(dayOfAction(due, { offsetDays: 0 })).toBe('2027-01-31');
    expect(dayOfAction(due, { round: 1 })).toBe('2027-02-01');
    expect(dayOfAction(due, { round: 3 })).toBe('2027-02-15');
  });

  it('spreads members over every shard, each member always to the same one', () => {
    const shards = new Set(Array.from({ length: 10_000 }, (_, i) => shardOf(`unit-${i}`, 256)));
    expect(shards.size).toBe(256);
    expect(shardOf('unit-42', 256)).toBe(shardOf('unit-42', 256));
  });
});

describe('parts within an item’s size', () => {
  it('cuts a list into runs of at most the size, in order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });

  it('packs entries up to a total weight, an entry heavier than the limit alone', () => {
    expect(packed([3, 4, 2, 9, 1], (n) => n, 7)).toEqual([[3, 4], [2], [9], [1]]);
  });

  it('gives each chunk of a long escalation list an escalation of its own', () => {
    expect(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1, null, 0)).toBe(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1));
    expect(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1, null, 1)).not.toBe(escalationIdOf('city', 'upperCommittee', 'annualReport', '2026', due, 1));
  });
});

describe('who is pending and who oversees', () => {
  it('leaves out who is done and who has a deadline of their own', () => {
    expect(pendingOf(['a', 'b', 'c', 'd'], new Set(['b']), new Set(['d']))).toEqual(['a', 'c']);
  });

  it('holds a unit to a deadline only if it existed when the deadline fell', () => {
    expect(owedBy('2026-11-24T10:00:00.000+08:00', due)).toBe(true);
    expect(owedBy('2027-02-03T10:00:00.000+08:00', due)).toBe(false);
    expect(owedBy(undefined, due)).toBe(true);
  });

  it('names the upper level’s committee and discipline body; a root unit has no overseer', () => {
    expect(overseersOf(['city', 'county'])).toEqual([
      { unitId: 'county', to: 'upperCommittee' },
      { unitId: 'county', to: 'disciplineCommission' },
    ]);
    expect(overseersOf([])).toEqual([]);
  });

  it('counts a key task’s time node met by progress within the window before it, or by closing', () => {
    expect(milestoneMet('2027-03-31', { lastProgressDate: '2027-03-17' }, 14)).toBe(true);
    expect(milestoneMet('2027-03-31', { lastProgressDate: '2027-03-16' }, 14)).toBe(false);
    expect(milestoneMet('2027-03-31', {}, 14)).toBe(false);
    expect(milestoneMet('2027-03-31', { closed: true }, 14)).toBe(true);
  });
});

describe('the text', () => {
  it('says what is due, the date, the days left and a link, in one or two SMS segments', () => {
    const text = reminderText({ kind: 'annualReport', title: titleOf('annualReport', '2026'), dueAt: due, daysLeft: 7, link: 'http://localhost:3000/notices' });
    expect(text).toBe('【清廉履责】2026年度落实党风廉政建设责任制情况报告须于2027年1月31日前报送，还剩7天。办理：http://localhost:3000/notices');
    expect(smsSegments(text)).toBe(2);
    const onTheDay = reminderText({ kind: 'ledgerFiling', title: titleOf('ledgerFiling', '2027-01'), dueAt: ledgerDueAt('2027-01'), daysLeft: 0, link: 'https://x.cn/n' });
    expect(onTheDay).toBe('【清廉履责】2027年1月廉政台账须于2027年1月31日前填报，今天截止。办理：https://x.cn/n');
    expect(smsSegments(onTheDay)).toBe(1);
    expect(escalationText({ title: titleOf('annualReport', '2026'), dueAt: due, count: 3, daysOverdue: 1, round: 1, link: 'https://x.cn/n' })).toContain('3个下级单位');
    expect(chineseDate('2027-01-31T15:59:59Z')).toBe('2027年1月31日');
  });
});

describe('the engine’s settings', () => {
  it('reads the offsets from the environment, largest first, and refuses what is not days', () => {
    expect(deadlineEngineConfig({}).offsets).toEqual([14, 7, 3, 1, 0]);
    expect(deadlineEngineConfig({ REMINDER_OFFSETS: '1, 30,7' }).offsets).toEqual([30, 7, 1]);
    expect(() => deadlineEngineConfig({ REMINDER_OFFSETS: '7,soon' })).toThrow(/REMINDER_OFFSETS/);
  });
});
