import { loadFixture, withFreshIds } from '#events/fixtures/index.js';
import { DeadlineEscalatedV1, DeliveryFailedV1, ReminderSentV1 } from '#events/index.js';
import { dashboardConfig } from '../../src/config.js';
import { factOf, identityOf, remindersOverview, type DeadlineEvent } from '../../src/domain/reminders.js';

/** The fixtures' units: the county reminded and escalated, and the city that oversees it. */
const county = { id: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03', name: '北湖县' };
const city = { id: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02', name: '北湖市' };
const lapseDays = 8;

const fixtureData = <T>(name: Parameters<typeof loadFixture>[0]) => loadFixture(name).data as T;
const reminderData = fixtureData<ReminderSentV1['data']>('reports.ReminderSent.v1');
const escalationData = fixtureData<DeadlineEscalatedV1['data']>('reports.DeadlineEscalated.v1');

/** The fixture reminder with a fresh event id, to `unitId`'s people, with `data` laid over it. */
const sent = (data: Partial<ReminderSentV1['data']> = {}, unitId = county.id) =>
  ReminderSentV1.parse(withFreshIds('reports.ReminderSent.v1', unitId, { recipient: { ...reminderData.recipient, unitId }, ...data }));
const failed = (data: Partial<DeliveryFailedV1['data']> = {}) => DeliveryFailedV1.parse(withFreshIds('reports.DeliveryFailed.v1', county.id, data));
/** The fixture escalation to the city, with a fresh event id and `data` laid over it. */
const escalated = (data: Partial<DeadlineEscalatedV1['data']> = {}) => DeadlineEscalatedV1.parse(withFreshIds('reports.DeadlineEscalated.v1', city.id, data));

/** The fixture reminder of the county's report due on 31 January, 3 days before instead of 7. */
const threeDaysBefore = () => sent({ reminderId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', offsetDays: 3, runAt: '2027-01-28T09:00:00.000+08:00' });
/** A reminder of the county's hearing, whose SMS failed on 10 February. */
const hearingReminder = () =>
  sent({ reminderId: 'hearing-7', deadline: { ...reminderData.deadline, kind: 'hearing', subject: '2026', dueAt: '2027-03-31T23:59:59.000+08:00' }, runAt: '2027-02-10T09:00:00.000+08:00' });

const overview = (events: readonly DeadlineEvent[], now: Date, filter: Parameters<typeof remindersOverview>[2] = {}, units = [county]) =>
  remindersOverview(units, events.map(factOf), filter, now, lapseDays);

describe('the facts kept of the deadline engine’s events', () => {
  it('keep a reminder and a failed delivery for the recipient’s unit, and an escalation with the overdue units it names', () => {
    // Act
    const [reminder, failure, escalation] = [sent(), failed(), escalated()].map(factOf);

    // Assess
    expect(reminder).toEqual({ kind: 'reminder', reminderId: reminderData.reminderId, unitId: county.id, deadline: reminderData.deadline, offsetDays: 7, runAt: '2027-01-24T09:00:00.000+08:00' });
    expect(failure).toEqual({
      kind: 'deliveryFailure',
      reminderId: reminderData.reminderId,
      unitId: county.id,
      channel: 'sms',
      provider: 'aliyun-sms',
      attempts: 3,
      reason: 'isv.BUSINESS_LIMIT_CONTROL',
      runAt: '2027-01-24T09:00:00.000+08:00',
    });
    expect(escalation).toMatchObject({ kind: 'escalation', overseerId: city.id, to: 'disciplineCommission', deadlineKind: 'annualReport', round: 1 });
    expect(escalation?.kind === 'escalation' && escalation.overdue.map((o) => [o.deadline.unitId, o.daysOverdue])).toEqual([[county.id, 1]]);
  });

  it('are the same fact for the same reminder whatever the event id, and another for another offset or channel', () => {
    // Prepare
    const first = sent();
    const replayed = sent();

    // Act
    const [a, b, c] = [first, replayed, threeDaysBefore()].map((e) => identityOf(factOf(e)));
    const [sms, email] = [failed(), failed({ channel: 'email' })].map((e) => identityOf(factOf(e)));

    // Assess
    expect(replayed.id).not.toBe(first.id);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(email).not.toBe(sms);
  });
});

describe('the reminders a unit got', () => {
  it('count a redelivered or replayed reminder once, and show the one of the latest run', () => {
    // Prepare
    const first = sent();
    const events = [first, first, sent(), threeDaysBefore(), threeDaysBefore()];

    // Act
    const { units, totals } = overview(events, new Date('2027-01-29T10:00:00+08:00'));

    // Assess
    expect(units).toEqual([
      {
        unitId: county.id,
        unitName: '北湖县',
        reminders: { count: 2, last: { kind: 'annualReport', subject: '2026', dueAt: '2027-01-31T23:59:59.000+08:00', offsetDays: 3, runAt: '2027-01-28T09:00:00.000+08:00' } },
        deliveryFailures: { count: 0, last: null },
        escalation: null,
      },
    ]);
    expect(totals).toEqual({ units: 1, reminded: 1, reminders: 2, failed: 0, deliveryFailures: 0, escalated: 0 });
  });

  it('are the reminders of its own people: one to the city does not count for the county', () => {
    // Act
    const { units } = overview([sent({}, city.id)], new Date('2027-01-29T10:00:00+08:00'), {}, [city, county]);

    // Assess
    expect(units.map((u) => [u.unitName, u.reminders.count])).toEqual([
      ['北湖市', 1],
      ['北湖县', 0],
    ]);
  });
});

describe('the failed deliveries of a unit', () => {
  const events = () => [sent(), failed(), failed(), failed({ channel: 'email', reason: 'mailbox full' }), hearingReminder(), failed({ reminderId: 'hearing-7', reason: 'isv.MOBILE_NUMBER_ILLEGAL', runAt: '2027-02-10T09:00:00.000+08:00' })];
  const now = new Date('2027-02-11T10:00:00+08:00');

  it('count one per reminder and channel, and show the channel and reason of the latest', () => {
    // Act
    const [unit] = overview(events(), now).units;

    // Assess
    expect(unit?.deliveryFailures).toEqual({ count: 3, last: { channel: 'sms', reason: 'isv.MOBILE_NUMBER_ILLEGAL', at: '2027-02-10T09:00:00.000+08:00' } });
  });

  it('are of their reminder’s kind, and one whose reminder is not known yet counts only when no kind is asked', () => {
    // Prepare
    const unknownReminder = failed({ reminderId: 'not-seen-yet', runAt: '2027-02-11T09:00:00.000+08:00' });

    // Act
    const [ofReports] = overview([...events(), unknownReminder], now, { kind: 'annualReport' }).units;
    const [ofHearings] = overview([...events(), unknownReminder], now, { kind: 'hearing' }).units;
    const [ofAll] = overview([...events(), unknownReminder], now).units;

    // Assess
    expect(ofReports?.deliveryFailures.count).toBe(2);
    expect(ofReports?.deliveryFailures.last?.at).toBe('2027-01-24T09:00:00.000+08:00');
    expect(ofHearings?.deliveryFailures).toEqual({ count: 1, last: { channel: 'sms', reason: 'isv.MOBILE_NUMBER_ILLEGAL', at: '2027-02-10T09:00:00.000+08:00' } });
    expect(ofAll?.deliveryFailures.count).toBe(4);
  });
});

describe('the escalation of a unit', () => {
  // Round 1 on the first day overdue (the fixture), round 2 a week later.
  const roundTwo = () =>
    escalated({
      escalationId: '4d5e6f708192a3b4c5d6e7f8091a2b3c',
      round: 2,
      runAt: '2027-02-08T09:00:00.000+08:00',
      overdue: escalationData.overdue.map((o) => ({ ...o, daysOverdue: 8 })),
    });

  it('is the last round that named the unit, and not the overseer’s', () => {
    // Act
    const { units } = overview([roundTwo(), escalated()], new Date('2027-02-10T10:00:00+08:00'), {}, [city, county]);

    // Assess
    expect(units.map((u) => [u.unitName, u.escalation])).toEqual([
      ['北湖市', null],
      ['北湖县', { round: 2, at: '2027-02-08T09:00:00.000+08:00', kind: 'annualReport', subject: '2026', dueAt: '2027-01-31T23:59:59.000+08:00', daysOverdue: 8 }],
    ]);
  });

  it('stands until a week and a day have passed without a round naming the unit (it was done, or its deadline moved)', () => {
    // Prepare
    const events = [escalated(), roundTwo()];

    // Act
    const lastSecond = overview(events, new Date('2027-02-16T08:59:59+08:00')).units[0]?.escalation;
    const lapsed = overview(events, new Date('2027-02-16T09:00:00+08:00')).units[0]?.escalation;

    // Assess
    expect(lastSecond?.round).toBe(2);
    expect(lapsed).toBeNull();
  });

  it('counts only for its kind of deadline', () => {
    // Act
    const [unit] = overview([escalated()], new Date('2027-02-02T10:00:00+08:00'), { kind: 'hearing' }).units;

    // Assess
    expect(unit?.escalation).toBeNull();
  });
});

describe('the units answered', () => {
  const other = { id: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c04', name: '南山县' };
  const events = () => [sent(), sent({}, city.id), failed(), escalated()];
  const now = new Date('2027-02-02T10:00:00+08:00');

  it('are those the status keeps, in the order given, with totals of every unit whatever the status', () => {
    // Act
    const [escalatedOnly, reminded, withFailures, all] = (['escalated', 'reminded', 'failed', undefined] as const).map((status) => overview(events(), now, { status }, [city, county, other]));

    // Assess
    expect(escalatedOnly?.units.map((u) => u.unitName)).toEqual(['北湖县']);
    expect(reminded?.units.map((u) => u.unitName)).toEqual(['北湖市', '北湖县']);
    expect(withFailures?.units.map((u) => u.unitName)).toEqual(['北湖县']);
    expect(all?.units.map((u) => u.unitName)).toEqual(['北湖市', '北湖县', '南山县']);
    for (const answer of [escalatedOnly, reminded, withFailures, all]) {
      expect(answer?.totals).toEqual({ units: 3, reminded: 2, reminders: 2, failed: 1, deliveryFailures: 1, escalated: 1 });
    }
  });
});

describe('the escalation lapse', () => {
  it('is 8 days unless ESCALATION_LAPSE_DAYS says otherwise, and a whole number of days', () => {
    // Act
    const byDefault = dashboardConfig({});
    const configured = dashboardConfig({ ESCALATION_LAPSE_DAYS: '15' });

    // Assess
    expect(byDefault.escalationLapseDays).toBe(8);
    expect(configured.escalationLapseDays).toBe(15);
    expect(() => dashboardConfig({ ESCALATION_LAPSE_DAYS: '0' })).toThrow(/ESCALATION_LAPSE_DAYS/);
    expect(() => dashboardConfig({ ESCALATION_LAPSE_DAYS: '7.5' })).toThrow(/ESCALATION_LAPSE_DAYS/);
  });
});
