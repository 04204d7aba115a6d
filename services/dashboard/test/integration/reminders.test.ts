/**
 * The dashboard's reminders and escalations, on the real broker and DynamoDB Local: fixture events
 * of the deadline engine published to `reports.events` for this test's own units, read back through
 * the gateway. A reminder delivered again, or sent again under a new event id (a replay after the
 * inbox has forgotten it), counts once; an escalated town shows for its county and the city above,
 * and not for a sibling county.
 */
import { v7 as uuidv7 } from 'uuid';
import { toCstIso } from '#events/envelope.js';
import type { ReportsEvent } from '#events/index.js';
import type { Runtime } from '#infra/local/runtime.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import type { ReminderOverview } from '../../src/schemas.js';
import { reportsEvent, reportsPublisher } from '../support/reportsEvents.js';

let runtime: Runtime;
let publisher: ReturnType<typeof reportsPublisher>;
const suffix = Date.now().toString(36);
const units = { city: '', county: '', town: '', sibling: '', siblingTown: '' };
const reminders = { sevenDays: uuidv7(), threeDays: uuidv7() };
const dueAt = '2027-01-31T23:59:59.000+08:00';
const smsReason = `isv.BUSINESS_LIMIT_CONTROL-${suffix}`;

/** The event with the subject the deadline engine gives it. */
const about = (event: ReportsEvent, subject: string): ReportsEvent => ({ ...event, subject });

/** The fixture reminder of `unitId`'s annual report, to its secretary, `offsetDays` before the deadline. */
const reminderSent = (unitId: string, reminderId: string, offsetDays: number, runAt: string) =>
  about(
    reportsEvent('reports.ReminderSent.v1', unitId, 1, {
      reminderId,
      deadline: { kind: 'annualReport', subject: '2026', unitId, dueAt },
      offsetDays,
      recipient: { unitId, personId: null, role: 'unit_secretary' },
      runAt,
    }),
    `reminder/${reminderId}`,
  );

/** Round 1 of the escalation of `town`'s overdue report to its county, run now (so that it stands). */
const escalation = (county: string, town: string, townName: string) =>
  about(
    reportsEvent('reports.DeadlineEscalated.v1', county, 1, {
      escalationId: uuidv7(),
      overdue: [{ unitName: townName, deadline: { kind: 'annualReport', subject: '2026', unitId: town, dueAt }, daysOverdue: 1 }],
      runAt: toCstIso(new Date()),
    }),
    'escalation/2026/annualReport',
  );

beforeAll(async () => {
  runtime = await startTestRuntime();
  units.city = await registerUnit(runtime, `督办市-${suffix}`, undefined, '市委');
  units.county = await registerUnit(runtime, `督办县-${suffix}`, units.city);
  units.sibling = await registerUnit(runtime, `督办邻县-${suffix}`, units.city);
  units.town = await registerUnit(runtime, `丙镇-${suffix}`, units.county, '乡镇（街道）党委');
  units.siblingTown = await registerUnit(runtime, `丁镇-${suffix}`, units.sibling, '乡镇（街道）党委');
  publisher = reportsPublisher();
  const sevenDays = reminderSent(units.town, reminders.sevenDays, 7, '2027-01-24T09:00:00.000+08:00');
  await publisher.publish([
    // The town's events share its key, so they are applied in this order: the 7-day reminder three
    // times (redelivered, then again under a new event id), the 3-day one, and last its failed SMS.
    sevenDays,
    sevenDays,
    reminderSent(units.town, reminders.sevenDays, 7, '2027-01-24T09:00:00.000+08:00'),
    reminderSent(units.town, reminders.threeDays, 3, '2027-01-28T09:00:00.000+08:00'),
    reportsEvent('reports.DeliveryFailed.v1', units.town, 1, {
      reminderId: reminders.threeDays,
      recipient: { unitId: units.town, personId: null, role: 'unit_secretary' },
      channel: 'sms',
      reason: smsReason,
      runAt: '2027-01-28T09:00:00.000+08:00',
    }),
    escalation(units.county, units.town, `丙镇-${suffix}`),
    escalation(units.sibling, units.siblingTown, `丁镇-${suffix}`),
  ]);
});

afterAll(async () => {
  await publisher?.stop();
  await runtime?.stop();
});

const read = async (token: string, path: string) => {
  const answer = await api<ReminderOverview>(runtime, 'GET', path, { token });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const inspectorOf = (unitId: string) => tokenFor(runtime, 'discipline_inspector', unitId);
const row = (overview: ReminderOverview, unitId: string) => overview.units.find((u) => u.unitId === unitId);

describe('the reminders of a unit', () => {
  it('count a reminder delivered three times once, beside the other reminder, the SMS that failed and the escalation', async () => {
    // Prepare
    const token = await inspectorOf(units.county);

    // Act: the failed SMS comes after the reminders on the town's partition; once it shows, they are
    // applied. The escalation comes on the county's partition, in its own time, and the county's row
    // once the dashboard has the county from signing.events, another topic read by another consumer.
    const overview = await eventually(async () => {
      const o = await read(token, '/api/dashboard/reminders');
      const town = row(o, units.town);
      return town?.deliveryFailures.count === 1 && town.escalation !== null && row(o, units.county) !== undefined ? o : undefined;
    }, 30_000, 'the town’s failed SMS, its escalation and the county on the dashboard');

    // Assess
    expect(overview.units.map((u) => u.unitId)).toEqual([units.county, units.town]);
    expect(row(overview, units.town)).toEqual({
      unitId: units.town,
      unitName: `丙镇-${suffix}`,
      reminders: { count: 2, last: { kind: 'annualReport', subject: '2026', dueAt, offsetDays: 3, runAt: '2027-01-28T09:00:00.000+08:00' } },
      deliveryFailures: { count: 1, last: { channel: 'sms', reason: smsReason, at: '2027-01-28T09:00:00.000+08:00' } },
      escalation: expect.objectContaining({ round: 1, kind: 'annualReport', subject: '2026', daysOverdue: 1 }),
    });
    expect(row(overview, units.county)?.reminders.count).toBe(0);
    expect(overview.totals).toEqual({ units: 2, reminded: 1, reminders: 2, failed: 1, deliveryFailures: 1, escalated: 1 });
  });
});

describe('an escalated unit', () => {
  it('shows under status=escalated for its county and for the city, and for the city asking of the county alone', async () => {
    // Prepare
    const [countyToken, cityToken] = await Promise.all([inspectorOf(units.county), inspectorOf(units.city)]);

    // Act
    const forCounty = await eventually(async () => {
      const o = await read(countyToken, '/api/dashboard/reminders?status=escalated');
      return o.units.length === 1 ? o : undefined;
    }, 30_000, 'the town escalated to its county');
    const forCity = await eventually(async () => {
      const o = await read(cityToken, '/api/dashboard/reminders?status=escalated');
      return o.units.length === 2 ? o : undefined;
    }, 30_000, 'both towns escalated, for the city');
    const cityOfCounty = await read(cityToken, `/api/dashboard/reminders?status=escalated&unitId=${units.county}`);
    const ofHearings = await read(countyToken, '/api/dashboard/reminders?status=escalated&kind=hearing');

    // Assess
    expect(forCounty.units.map((u) => [u.unitId, u.escalation?.round, u.escalation?.dueAt])).toEqual([[units.town, 1, dueAt]]);
    expect(forCounty.totals).toMatchObject({ units: 2, escalated: 1 });
    expect(forCity.units.map((u) => u.unitId).sort()).toEqual([units.town, units.siblingTown].sort());
    expect(cityOfCounty.units.map((u) => u.unitId)).toEqual([units.town]);
    expect(ofHearings.units).toEqual([]);
  });

  it('does not show for a sibling county, which may not ask of the county either', async () => {
    // Prepare
    const token = await inspectorOf(units.sibling);

    // Act: once the sibling's own town shows, its escalation and the county's have both been published long since.
    const own = await eventually(async () => {
      const o = await read(token, '/api/dashboard/reminders?status=escalated');
      return o.units.length === 1 ? o : undefined;
    }, 30_000, 'the sibling’s own town escalated');
    await eventually(async () => row(await read(await inspectorOf(units.county), '/api/dashboard/reminders?status=escalated'), units.town), 30_000, 'the town escalated to its county');
    const again = await read(token, '/api/dashboard/reminders?status=escalated');
    const refused = await api(runtime, 'GET', `/api/dashboard/reminders?unitId=${units.county}`, { token });

    // Assess
    expect(own.units.map((u) => u.unitId)).toEqual([units.siblingTown]);
    expect(again.units.map((u) => u.unitId)).toEqual([units.siblingTown]);
    expect(JSON.stringify(again)).not.toContain(units.town);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toBe('application/problem+json');
  });
});
