/**
 * The deadline engine on the demo data, through the runtime's scheduler, the real broker and
 * DynamoDB Local: 17 January to 1 February 2027 replayed day by day (each day run twice, one day
 * by two runs at once). The 14/7/3/1/0-day reminders of the annual report go only to units that
 * have not submitted, stop after a unit submits, and the overdue units are escalated to their upper
 * committee and discipline body on 1 February; a rectification item and a key task's time node are
 * reminded and escalated by the same engine; nothing is sent twice. A moved deadline moves every
 * reminder, and a provider that stays down ends in DeliveryFailed while the run goes on.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { reportsFlow } from '#infra/local/support/reportsFlow.js';
import { demoCity, seedDemo } from '#infra/local/demo.js';
import { demoHearingCounty } from '#infra/local/demoReports.js';
import { api, documentClient, eventually, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { topics } from '#events/topics.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../src/domain/deadlines.js';
import { setShards } from '../../src/config.js';
import { shardOf } from '../../src/domain/deadlines.js';

let runtime: Runtime;
let client: HttpClient;
let recorder: TopicRecorder;

interface DemoUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}
type Event = { id: string; type: string; data: Record<string, unknown> };
type Summary = { function: string; result: { reminders: number; escalations: number; parts: { recorded: number; alreadyRecorded: number }; deadlines: Array<Record<string, unknown>> } };

const year = 2026;
let city: DemoUnit;
let demo: DemoUnit[];
/** Units that submitted before the replay, and the one that submits after the run of 24 January. */
let doneBefore: string[];
let submitsMidway: DemoUnit;
let county: DemoUnit;
let rectificationId: string;
let taskId: string;
/** The person responsible for the key task. */
let responsibleId: string;
/**
 * A number of this run only. The OpenAPI example's number is not used: the fuzz test, on the same
 * tables, gives it to a unit of its own, which the replay reminds too.
 */
const mobile = `139${String(Date.now()).slice(-8)}`;

const events = (type: string, match: (data: Record<string, unknown>) => boolean = () => true): Event[] =>
  (recorder.values() as unknown as Event[]).filter((e) => e.type === type && match(e.data));
const reminders = (kind: string, subject: string, unitId: string) =>
  events('reports.ReminderSent.v1', (d) => {
    const deadline = d.deadline as { kind: string; subject: string; unitId: string };
    return deadline.kind === kind && deadline.subject === subject && deadline.unitId === unitId;
  });
const offsetsOf = (list: Event[]) => [...new Set(list.map((e) => e.data.offsetDays as number))].sort((a, b) => b - a);
const run = async (date: string) => (await runtime.fire('reports-runDeadlines', new Date(`${date}T09:00:00+08:00`))) as Summary;

/** Waits until the engine's done set of the report holds the unit (the tracker follows reports.events). */
const doneSetHolds = (unitId: string) =>
  eventually(
    async () => {
      const { Item } = await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: `SET#done#annualReport#${year}`, sk: `S#${String(shardOf(unitId, setShards)).padStart(3, '0')}` } }));
      return (Item?.ids as Set<string> | undefined)?.has(unitId) ? true : undefined;
    },
    30_000,
    `the done set to hold ${unitId}`,
  );

const submit = async (unit: DemoUnit) => {
  const token = await tokenFor(runtime, 'unit_secretary', unit.id, `demo-unit_secretary-${unit.id}`);
  const flow = reportsFlow(client);
  await flow.answerAll(unit.id, year, token);
  const answer = await flow.submit(unit.id, year, token);
  expect(answer.status).toBe(200);
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  recorder = await recordTopic(topics.reports);
  client = httpClient(runtime.url);
  // The same years as the demo's own test, which may run before or after this one on the same tables.
  const units = await seedDemo(runtime, year - 1, year);
  city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  // The demo's units: the city's tree (the table also holds other tests' units).
  const inTree = (u: DemoUnit): boolean => u.parentId === city.id || units.some((p) => p.id === u.parentId && inTree(p));
  demo = units.filter(inTree);
  const admin = await tokenFor(runtime, 'admin');
  for (const unit of demo) {
    await eventually(async () => ((await api(runtime, 'GET', `/api/units/${unit.id}/annual-reports/${year}`, { token: admin })).status === 200 ? true : undefined), 30_000, `reports to know ${unit.name}`);
  }
  const status = async (u: DemoUnit) => (await api<{ status: string }>(runtime, 'GET', `/api/units/${u.id}/annual-reports/${year}`, { token: admin })).body.status;
  const statuses = await Promise.all(demo.map(status));
  const pending = demo.filter((_, i) => !['submitted', 'accepted'].includes(statuses[i]!));
  // A county other than the hearing's: the demo's own test counts that one's rectification items.
  county = demo.find((u) => u.parentId === city.id && u.name !== demoHearingCounty && demo.some((t) => t.parentId === u.id))!;
  // A department submits now, before the replay; a town submits after the run of 24 January.
  const department = pending.find((u) => u.parentId === city.id && !demo.some((t) => t.parentId === u.id))!;
  submitsMidway = pending.find((u) => u.parentId === county.id)!;
  await submit(department);
  doneBefore = [...demo.filter((_, i) => ['submitted', 'accepted'].includes(statuses[i]!)).map((u) => u.id), department.id];
  await doneSetHolds(department.id);

  // The town's secretary is reached by SMS and email too.
  const townSecretary = await tokenFor(runtime, 'unit_secretary', submitsMidway.id);
  await client.expect('PUT', `/api/units/${submitsMidway.id}/notification-contacts`, 200, { token: townSecretary, body: { contacts: [{ for: 'unit_secretary', email: 'town@example.gov.cn', mobile }] } });

  // A rectification item due 20 January, from a hearing of the county.
  const cityInspector = await tokenFor(runtime, 'discipline_inspector', city.id, 'city-inspector');
  const hearing = await client.expect<{ hearingId: string }>('POST', `/api/units/${county.id}/hearings`, 201, { token: cityInspector, body: { year, scheduledAt: '2027-03-10T09:00:00+08:00' } });
  const comment = await client.expect<{ commentId: string }>('POST', `/api/units/${county.id}/hearings/${hearing.hearingId}/comments`, 201, { token: cityInspector, body: { kind: 'comment', memberName: '市纪委委员', text: '督查机制不健全。' } });
  rectificationId = (
    await client.expect<{ rectificationId: string }>('POST', `/api/units/${county.id}/hearings/${hearing.hearingId}/comments/${comment.commentId}/rectifications`, 201, {
      token: cityInspector,
      body: { action: '建立季度督查制度', dueDate: '2027-01-20' },
    })
  ).rectificationId;

  // A key task of 2027 with a time node on 24 January, its person responsible a member of the county.
  const posts = (await client.expect<{ posts: Array<{ personId: string; role: string }> }>('GET', `/api/units/${county.id}/posts`, 200, { token: admin })).posts;
  const member = posts.find((p) => p.role === 'teamMember') ?? posts[0]!;
  responsibleId = member.personId;
  const countySecretary = await tokenFor(runtime, 'unit_secretary', county.id);
  taskId = (
    await client.expect<{ taskId: string }>('POST', `/api/units/${county.id}/key-tasks`, 201, {
      token: countySecretary,
      body: { year: 2027, title: '压实“两个责任”', responsiblePersonId: member.personId, leadOffice: '县纪委', goal: '年初部署到位', measures: '召开部署会', milestones: [{ date: '2027-01-24', text: '完成年度部署' }] },
    })
  ).taskId;
  // The tracker has indexed both by their due dates.
  await eventually(
    async () => {
      const rect = await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: 'DUE#2027-01-20', sk: `rectification#${county.id}#${rectificationId}` } }));
      const task = await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: 'DUE#2027-01-24', sk: `keyTaskMilestone#${county.id}#${taskId}#1` } }));
      return rect.Item && task.Item ? true : undefined;
    },
    30_000,
    'the due-date index to hold the rectification item and the time node',
  );

  // The replay: every day from 17 January to 1 February 2027, each day run again at once; 28 January by two runs at once.
  for (let day = '2027-01-17'; day <= '2027-02-01'; day = addDays(day, 1)) {
    if (day === '2027-01-28') await Promise.all([run(day), run(day)]);
    else await run(day);
    const again = await run(day);
    expect(again.result.parts.recorded).toBe(0);
    if (day === '2027-01-24') {
      // The reminder of 7 days is out (its notice is in the inbox) before the town submits.
      await eventually(async () => (offsetsOf(reminders('annualReport', String(year), submitsMidway.id)).includes(7) ? true : undefined), 30_000, 'the 7-day reminder of the town');
      await submit(submitsMidway);
      await doneSetHolds(submitsMidway.id);
    }
  }
}, 600_000);

afterAll(async () => {
  client?.close();
  await runtime?.stop();
  await recorder?.stop();
});

describe('the annual report’s reminders, 17 January to 1 February 2027', () => {
  it('go 14, 7, 3 and 1 days before and on the day to every unit that has not submitted, and to none that has', async () => {
    const pending = demo.filter((u) => !doneBefore.includes(u.id) && u.id !== submitsMidway.id);
    await eventually(async () => (pending.every((u) => offsetsOf(reminders('annualReport', String(year), u.id)).length === 5) ? true : undefined), 60_000, 'every reminder of every pending unit');
    for (const unit of pending) expect({ unit: unit.name, offsets: offsetsOf(reminders('annualReport', String(year), unit.id)) }).toEqual({ unit: unit.name, offsets: [14, 7, 3, 1, 0] });
    for (const unitId of doneBefore) expect(reminders('annualReport', String(year), unitId)).toEqual([]);
  });

  it('stop from the run after a unit submits: the town that submitted on 24 January got the 14- and 7-day ones only', async () => {
    expect(offsetsOf(reminders('annualReport', String(year), submitsMidway.id))).toEqual([14, 7]);
    // Its inbox holds them, once each; its secretary marks one read.
    const token = await tokenFor(runtime, 'unit_secretary', submitsMidway.id);
    const inbox = (await client.expect<{ notices: Array<{ noticeId: string; type: string; offsetDays: number; deadline: { kind: string; subject: string }; text: string; read: boolean }>; unread: number }>('GET', '/api/notices', 200, { token })).notices.filter(
      (n) => n.deadline.kind === 'annualReport' && n.deadline.subject === String(year),
    );
    expect(inbox.map((n) => n.offsetDays).sort((a, b) => b - a)).toEqual([14, 7]);
    expect(inbox.find((n) => n.offsetDays === 7)!.text).toMatch(/须于2027年1月31日前报送，还剩7天/);
    const read = await client.expect<{ read: boolean }>('POST', `/api/notices/${inbox[0]!.noticeId}/read`, 200, { token });
    expect(read.read).toBe(true);
    // Another unit's people do not see them.
    const other = await tokenFor(runtime, 'unit_secretary', county.id);
    await client.expect('POST', `/api/notices/${inbox[0]!.noticeId}/read`, 404, { token: other });
  });

  it('went by SMS and email too where the unit gave a number and an address, each once', async () => {
    const admin = await tokenFor(runtime, 'admin');
    const box = await eventually(
      async () => {
        const answer = (await client.expect<{ sms: Array<{ to: string; text: string; reference: string }>; email: Array<{ to: string; reference: string }> }>('GET', '/_local/mailbox', 200, { token: admin })) ;
        return answer.sms.filter((m) => m.to === mobile).length >= 2 ? answer : undefined;
      },
      30_000,
      'the town’s SMS',
    );
    const sms = box.sms.filter((m) => m.to === mobile && m.text.includes(`${year}年度`));
    expect(sms).toHaveLength(2);
    expect(new Set(sms.map((m) => m.reference)).size).toBe(2);
    expect(box.email.filter((m) => m.to === 'town@example.gov.cn' && sms.some((s) => s.reference === m.reference))).toHaveLength(2);
  });

  it('escalate the overdue units on 1 February to their upper committee and discipline body, and no unit that is done', async () => {
    const overdue = demo.filter((u) => !doneBefore.includes(u.id) && u.id !== submitsMidway.id);
    const escalated = () =>
      events('reports.DeadlineEscalated.v1', (d) => d.kind === 'annualReport' && d.round === 1 && (d.overdue as Array<{ deadline: { subject: string } }>)[0]!.deadline.subject === String(year));
    await eventually(async () => (overdue.every((u) => escalated().some((e) => (e.data.overdue as Array<{ deadline: { unitId: string } }>).some((o) => o.deadline.unitId === u.id))) ? true : undefined), 60_000, 'the escalations');
    for (const unit of overdue) {
      const naming = escalated().filter((e) => (e.data.overdue as Array<{ deadline: { unitId: string } }>).some((o) => o.deadline.unitId === unit.id));
      expect(naming.map((e) => `${e.data.unitId as string}/${e.data.to as string}`).sort()).toEqual([`${unit.parentId}/disciplineCommission`, `${unit.parentId}/upperCommittee`]);
      expect(naming.every((e) => (e.data.runAt as string).startsWith('2027-02-01T09:00'))).toBe(true);
    }
    const named = escalated().flatMap((e) => (e.data.overdue as Array<{ deadline: { unitId: string } }>).map((o) => o.deadline.unitId));
    for (const unitId of [...doneBefore, submitsMidway.id]) expect(named).not.toContain(unitId);
    // The report on 2025 fell due on 31 January 2026, before the demo units were registered: its
    // weekly escalation (round 52 fell on 24 January 2027) names none of them.
    const onLastYears = events('reports.DeadlineEscalated.v1', (d) => d.kind === 'annualReport' && (d.overdue as Array<{ deadline: { subject: string } }>)[0]!.deadline.subject === String(year - 1));
    const demoIds = new Set(demo.map((u) => u.id));
    expect(onLastYears.flatMap((e) => (e.data.overdue as Array<{ deadline: { unitId: string } }>).map((o) => o.deadline.unitId)).filter((id) => demoIds.has(id))).toEqual([]);
    // The city's discipline inspector reads its escalation in the inbox.
    const inspector = await tokenFor(runtime, 'discipline_inspector', city.id, 'city-inspector');
    const inbox = (await client.expect<{ notices: Array<{ type: string; round: number; overdue: Array<{ unitId: string }>; deadline: { kind: string; subject: string } }> }>('GET', '/api/notices', 200, { token: inspector })).notices;
    const notice = inbox.find((n) => n.type === 'escalation' && n.deadline.kind === 'annualReport' && n.deadline.subject === String(year) && n.round === 1)!;
    expect(notice.overdue.map((o) => o.unitId).sort()).toEqual(overdue.filter((u) => u.parentId === city.id).map((u) => u.id).sort());
  });

  it('left one notice per reminder in every pending unit’s inbox, though every day ran twice and 28 January by two runs at once', async () => {
    const pending = demo.filter((u) => !doneBefore.includes(u.id) && u.id !== submitsMidway.id);
    for (const unit of pending) {
      const token = await tokenFor(runtime, 'unit_secretary', unit.id);
      const notices = (await client.expect<{ notices: Array<{ type: string; offsetDays: number; deadline: { kind: string; subject: string } }> }>('GET', '/api/notices?limit=200', 200, { token })).notices;
      const offsets = notices.filter((n) => n.type === 'reminder' && n.deadline.kind === 'annualReport' && n.deadline.subject === String(year)).map((n) => n.offsetDays);
      expect({ unit: unit.name, offsets: offsets.sort((a, b) => b - a) }).toEqual({ unit: unit.name, offsets: [14, 7, 3, 1, 0] });
    }
  });

  it('keeps an escalation to the discipline body from the unit’s other people', async () => {
    const inspector = await tokenFor(runtime, 'discipline_inspector', city.id, 'city-inspector');
    const staff = await tokenFor(runtime, 'unit_staff', city.id);
    const theirs = (await client.expect<{ notices: Array<{ noticeId: string; recipient: { role: string } }> }>('GET', '/api/notices', 200, { token: inspector })).notices.find((n) => n.recipient.role === 'discipline_inspector')!;
    const seenByStaff = (await client.expect<{ notices: Array<{ recipient: { role: string } }> }>('GET', '/api/notices?limit=200', 200, { token: staff })).notices;
    expect(seenByStaff.filter((n) => n.recipient.role === 'discipline_inspector')).toEqual([]);
    await client.expect('POST', `/api/notices/${theirs.noticeId}/read`, 404, { token: staff });
  });

  it('sent nothing twice, though every day ran twice and 28 January by two runs at once', () => {
    for (const type of ['reports.ReminderSent.v1', 'reports.DeadlineEscalated.v1']) {
      const idsByReminder = new Map<string, Set<string>>();
      for (const e of events(type)) {
        const key = (e.data.reminderId ?? e.data.escalationId) as string;
        idsByReminder.set(key, (idsByReminder.get(key) ?? new Set()).add(e.id));
      }
      expect([...idsByReminder.values()].filter((ids) => ids.size > 1)).toEqual([]);
    }
  });
});

describe('the same engine for single records', () => {
  it('reminds of a rectification item 3 and 1 days before and on its due day, then escalates on the first day overdue and a week later', async () => {
    const escalationsOf = () => events('reports.DeadlineEscalated.v1', (d) => (d.overdue as Array<{ deadline: { subject: string } }>).some((o) => o.deadline.subject === rectificationId));
    // The last of them went out on 28 January; the stream may still be sending the days after it.
    await eventually(async () => (offsetsOf(reminders('rectification', rectificationId, county.id)).length === 3 && escalationsOf().length === 4 ? true : undefined), 30_000, 'the rectification’s reminders and escalations');
    expect(offsetsOf(reminders('rectification', rectificationId, county.id))).toEqual([3, 1, 0]);
    const escalations = escalationsOf();
    expect(escalations.map((e) => `${e.data.round as number}/${e.data.to as string}/${e.data.unitId as string}`).sort()).toEqual([
      `1/disciplineCommission/${city.id}`,
      `1/upperCommittee/${city.id}`,
      `2/disciplineCommission/${city.id}`,
      `2/upperCommittee/${city.id}`,
    ]);
  });

  it('reminds the person responsible for a key task’s time node, then escalates when no progress came', async () => {
    const list = events('reports.ReminderSent.v1', (d) => (d.deadline as { kind: string; subject: string }).kind === 'keyTaskMilestone' && (d.deadline as { subject: string }).subject === `${taskId}#1`);
    const escalationsOf = () => events('reports.DeadlineEscalated.v1', (d) => (d.overdue as Array<{ deadline: { subject: string } }>).some((o) => o.deadline.subject === `${taskId}#1`));
    // Round 2 went out on 1 February, the replay's last day: the stream may still be sending it.
    await eventually(async () => (new Set(escalationsOf().map((e) => e.data.round)).size === 2 ? true : undefined), 30_000, 'both rounds of the time node’s escalation');
    expect(offsetsOf(list)).toEqual([7, 3, 1, 0]);
    expect(new Set(list.map((e) => (e.data.recipient as { personId: string | null }).personId)).size).toBe(1);
    expect(list[0]!.data.recipient).toEqual(expect.objectContaining({ unitId: county.id, personId: responsibleId }));
    expect([...new Set(escalationsOf().map((e) => e.data.round))].sort()).toEqual([1, 2]);
  });
});

describe('the calendar’s other deadlines', () => {
  it('remind each person in a post of the month’s ledger, on the same days, to that person alone', async () => {
    const admin = await tokenFor(runtime, 'admin');
    const posts = (await client.expect<{ posts: Array<{ personId: string; endDate: string | null }> }>('GET', `/api/units/${county.id}/posts`, 200, { token: admin })).posts.filter((p) => p.endDate === null);
    const ledgerOf = (personId: string) =>
      events('reports.ReminderSent.v1', (d) => {
        const deadline = d.deadline as { kind: string; subject: string; unitId: string };
        return deadline.kind === 'ledgerFiling' && deadline.subject === '2027-01' && (d.recipient as { personId: string | null }).personId === personId;
      });
    expect(posts.length).toBeGreaterThan(1);
    await eventually(async () => (posts.every((p) => offsetsOf(ledgerOf(p.personId)).length === 5) ? true : undefined), 30_000, 'the ledger reminders of the county’s people');
    for (const post of posts) {
      expect(offsetsOf(ledgerOf(post.personId))).toEqual([14, 7, 3, 1, 0]);
      expect(ledgerOf(post.personId).every((e) => (e.data.recipient as { unitId: string }).unitId === county.id)).toBe(true);
    }
  });

  it('remind of the hearing 14 days before 31 March every unit whose hearing is not arranged, and not the county whose is', async () => {
    await run('2027-03-17');
    const others = demo.filter((u) => u.id !== county.id);
    await eventually(async () => (others.every((u) => reminders('hearing', String(year), u.id).length === 1) ? true : undefined), 30_000, 'the hearing reminders of every other unit');
    expect(new Set(others.map((u) => reminders('hearing', String(year), u.id)[0]!.data.offsetDays))).toEqual(new Set([14]));
    expect(reminders('hearing', String(year), county.id)).toEqual([]);
  });
});

describe('a moved deadline', () => {
  it('moves every reminder: the report on 2029 moved to 7 February 2030 is reminded 14 days before on 24 January, and 7 on 31 January', async () => {
    const admin = await tokenFor(runtime, 'admin');
    const calendar = await client.expect<{ deadlines: Array<{ kind: string; dueAt: string; moved: unknown }> }>('PUT', '/api/deadline-calendar/2029/annualReport', 200, {
      token: admin,
      body: { dueAt: '2030-02-07T23:59:59+08:00', reason: '1月31日适逢春节假期，顺延至2月7日' },
    });
    expect(calendar.deadlines.find((d) => d.kind === 'annualReport')).toEqual(expect.objectContaining({ dueAt: '2030-02-07T23:59:59.000+08:00', moved: expect.objectContaining({ previousDueAt: '2030-01-31T23:59:59.000+08:00' }) }));
    const past = await api<{ errors: Array<{ path: string; message: string }> }>(runtime, 'PUT', '/api/deadline-calendar/2025/annualReport', { token: admin, body: { dueAt: '2026-02-07T23:59:59+08:00', reason: '补录' } });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ path: 'dueAt', message: '新的截止时间须晚于当前时间' }]);
    const changed = await eventually(async () => events('reports.DeadlineCalendarChanged.v1', (d) => d.year === 2029)[0], 15_000, 'DeadlineCalendarChanged');
    expect(changed.data).toEqual(expect.objectContaining({ kind: 'annualReport', unitId: null, dueAt: '2030-02-07T23:59:59.000+08:00' }));

    // 17 January, 14 days before the old date, is 21 before the new one: nothing.
    const on17 = await run('2030-01-17');
    expect(on17.result.deadlines.filter((d) => d.kind === 'annualReport' && d.subject === '2029')).toEqual([]);
    const on24 = await run('2030-01-24');
    expect(on24.result.deadlines).toContainEqual(expect.objectContaining({ kind: 'annualReport', subject: '2029', action: 'remind', offsetDays: 14, dueAt: '2030-02-07T23:59:59.000+08:00' }));
    const on31 = await run('2030-01-31');
    expect(on31.result.deadlines).toContainEqual(expect.objectContaining({ kind: 'annualReport', subject: '2029', action: 'remind', offsetDays: 7 }));
    const on1 = await run('2030-02-01');
    expect(on1.result.deadlines.filter((d) => d.kind === 'annualReport' && d.subject === '2029')).toEqual([]);
    const town = demo.find((u) => u.parentId === county.id)!;
    await eventually(async () => (offsetsOf(reminders('annualReport', '2029', town.id)).length === 2 ? true : undefined), 30_000, 'the moved reminders');
    expect(offsetsOf(reminders('annualReport', '2029', town.id))).toEqual([14, 7]);
    expect(reminders('annualReport', '2029', town.id).every((e) => (e.data.deadline as { dueAt: string }).dueAt === '2030-02-07T23:59:59.000+08:00')).toBe(true);
  });
});

describe('a provider that stays down', () => {
  it('is tried again with backoff, then the failure is recorded as DeliveryFailed, and the run and the in-app notice stand', async () => {
    process.env.LOCAL_NOTIFY_FAIL = 'sms';
    try {
      const summary = await run('2031-01-17');
      expect(summary.result.parts.recorded).toBeGreaterThan(0);
      const failed = await eventually(
        async () => events('reports.DeliveryFailed.v1', (d) => (d.recipient as { unitId: string }).unitId === submitsMidway.id && d.channel === 'sms' && (d.runAt as string).startsWith('2031-01-17'))[0],
        60_000,
        'DeliveryFailed of the town’s SMS',
      );
      expect(failed.data).toEqual(expect.objectContaining({ provider: 'local', attempts: 4, reason: 'local local-unavailable' }));
      expect(JSON.stringify(failed)).not.toContain(mobile);
      const reminder = reminders('annualReport', '2030', submitsMidway.id).find((e) => e.data.reminderId === failed.data.reminderId)!;
      expect(reminder.data.channels).toEqual(['inApp', 'email', 'sms']);
    } finally {
      delete process.env.LOCAL_NOTIFY_FAIL;
    }
  });
});
