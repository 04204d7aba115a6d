/**
 * The interviews service through the local runtime, the real broker and DynamoDB Local: a joint
 * talk from the commission's proposal to the rectification plan, each step refused (403) to the
 * wrong person; a red light that suggests a reminder talk; warning notices whose written reply
 * stops the deadline engine's reminders, or whose missing reply is escalated and comes back
 * overdue; the plan's items as rectification items of the reports service; the ledgers summed
 * from the events; the personal fields kept off the topics and the public side; every read of a
 * record recorded.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { topics } from '#events/topics.js';
import { services } from '#services/index.js';
import type { Role } from '#shared/auth/roles.js';

type Event = { id: string; type: string; time: string; unitid: string; data: Record<string, unknown> };
type Talk = { talkId: string; status: string; kind: string; next: { step: string; personIds: string[] } | null; plan: Array<{ requestId: string; rectificationId: string | null; status: string }>; source: { kind: string; id: string; summary: string }; interviewees: Array<{ personId: string }> };
type Notice = { noticeId: string; status: string; overdue: boolean };

let runtime: Runtime;
let client: HttpClient;
let interviewsTopic: TopicRecorder;
let reportsTopic: TopicRecorder;
const year = 2026;
const run = (date: string) => runtime.fire('reports-runDeadlines', new Date(`${date}T09:00:00+08:00`));

/** Personal values seeded into the records: none may reach a topic or the public side. */
const secrets = {
  problem: '违规收受礼金问题线索甲乙丙',
  demand: '限期退还礼金并作出深刻检查',
  position: '本人诚恳接受组织批评丁戊己',
  tendency: '身份证号110101199003074514手机13912345678反映其经常出入私人会所',
  reply: '已深刻反思庚辛壬癸，今后杜绝此类行为',
};

let county: string;
let town: string;
/** The county's four leaders and the town's people. */
let countySecretary: Holder;
let countyDeputy: Holder;
let countyDisciplineChief: Holder;
let countyOrganisationChief: Holder;
let townSecretary: Holder;
let townMember: Holder;
let townDisciplineChief: Holder;
let townStaff: Holder;

const as = (holder: Holder, role: Role) => tokenFor(runtime, role, holder.unitId, holder.personId);
const interviewsEvents = (type: string, match: (e: Event) => boolean = () => true) =>
  (interviewsTopic.values() as unknown as Event[]).filter((e) => e.type === `interviews.${type}.v1` && match(e));
const reportsEvents = (type: string, match: (e: Event) => boolean = () => true) => (reportsTopic.values() as unknown as Event[]).filter((e) => e.type === `reports.${type}.v1` && match(e));

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  [interviewsTopic, reportsTopic] = await Promise.all([recordTopic(topics.interviews), recordTopic(topics.reports)]);
  const stamp = Date.now().toString(36);
  const city = await registerUnit(runtime, `约谈市${stamp}`);
  county = await registerUnit(runtime, `约谈县${stamp}`, city);
  town = await registerUnit(runtime, `约谈镇${stamp}`, county, '乡镇（街道）');
  const flow = signingFlow(client, runtime.keys);
  countySecretary = await flow.assign(county, '县委书记甲', 'secretary', '县委书记', [], '2025-01-06');
  countyDeputy = await flow.assign(county, '专职副书记乙', 'deputySecretary', '县委专职副书记', [], '2025-01-06');
  countyDisciplineChief = await flow.assign(county, '纪委书记丙', 'disciplineChief', '县纪委书记', [], '2025-01-06');
  countyOrganisationChief = await flow.assign(county, '组织部长丁', 'teamMember', '县委组织部部长', ['组织'], '2025-01-06');
  townSecretary = await flow.assign(town, '镇党委书记戊', 'secretary', '镇党委书记', [], '2025-01-06');
  townMember = await flow.assign(town, '镇委员己', 'teamMember', '镇党委委员', ['民政'], '2025-01-06');
  townDisciplineChief = await flow.assign(town, '镇纪委书记庚', 'disciplineChief', '镇纪委书记', [], '2025-01-06');
  townStaff = await flow.assign(town, '干部辛', 'teamMember', '镇党委委员', ['财务'], '2025-01-06');
  // The service knows the town's last post once it answers the education ledger and knows every person.
  await eventually(async () => ((await api(runtime, 'GET', `/api/units/${town}/education-ledger?year=${year}`, { token: await as(townSecretary, 'unit_secretary') })).status === 200 ? true : undefined), 60_000, 'the interviews service to know the town');
}, 180_000);

afterAll(async () => {
  await Promise.all([interviewsTopic?.stop(), reportsTopic?.stop()]);
  await runtime?.stop();
});

/** POSTs, retrying while the service has not yet heard of every post (a 422 naming a person). */
const whenPeopleKnown = <T>(method: string, path: string, status: number, token: string, body: unknown) =>
  eventually(
    async () => {
      const answer = await client.request<T>(method, path, { token, body });
      if (answer.status === status) return answer.body;
      if (answer.status === 422) return undefined;
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    60_000,
    `${method} ${path} to answer ${status}`,
  );

describe('the joint talk, step by step, each step refused to the wrong person', () => {
  let talk: Talk;

  it('is proposed by the commission of the level above, naming a configured situation', async () => {
    const situations = await client.expect<{ situations: Array<{ code: string; fromText: boolean }> }>('GET', '/api/joint-talk-situations', 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
    expect(situations.situations).toHaveLength(8);
    expect(situations.situations.filter((s) => s.fromText)).toHaveLength(2);
    const body = { kind: 'joint', source: { kind: 'supervision', note: '危房改造任务未按要求完成' }, trigger: 'keyTaskRed', scheduledOn: '2026-12-02', interviewees: [townSecretary.personId], subject: '脱贫攻坚危房改造落实不力' };
    // The county's secretary is not the commission; the town's own discipline body is not a level above.
    expect((await client.request('POST', `/api/units/${town}/talks`, { token: await as(countySecretary, 'unit_secretary'), body })).status).toBe(403);
    expect((await client.request('POST', `/api/units/${town}/talks`, { token: await as(townDisciplineChief, 'discipline_inspector'), body })).status).toBe(403);
    const noTrigger = await client.request<{ errors: Array<{ path: string }> }>('POST', `/api/units/${town}/talks`, { token: await as(countyDisciplineChief, 'discipline_inspector'), body: { ...body, trigger: 'nothing' } });
    expect(noTrigger.status).toBe(422);
    talk = await whenPeopleKnown<Talk>('POST', `/api/units/${town}/talks`, 201, await as(countyDisciplineChief, 'discipline_inspector'), body);
    expect(talk).toMatchObject({ kind: 'joint', status: 'proposed', next: { step: '批准联合谈话', personIds: [countySecretary.personId] } });
  });

  it('is approved by the host unit’s party secretary only', async () => {
    const path = `/api/talks/${talk.talkId}/approve`;
    expect((await client.request('POST', path, { token: await as(countyDisciplineChief, 'discipline_inspector') })).status).toBe(403);
    expect((await client.request('POST', path, { token: await as(townSecretary, 'unit_secretary') })).status).toBe(403);
    expect((await client.request('POST', path, { token: await as(countyDeputy, 'unit_secretary') })).status).toBe(403);
    talk = await client.expect<Talk>('POST', path, 200, { token: await as(countySecretary, 'unit_secretary') });
    expect(talk.status).toBe('approved');
    expect((await client.request('POST', path, { token: await as(countySecretary, 'unit_secretary') })).status).toBe(409);
  });

  it('is held by the four convenors and recorded by the discipline chief, who chairs it', async () => {
    const path = `/api/talks/${talk.talkId}/record`;
    const convenors = { partySecretary: countySecretary.personId, deputySecretary: countyDeputy.personId, disciplineChief: countyDisciplineChief.personId, organisationChief: countyOrganisationChief.personId };
    const body = { heldOn: '2026-11-20', convenors, problems: [secrets.problem], demands: [secrets.demand], followUp: '一周内报送整改方案' };
    expect((await client.request('POST', path, { token: await as(countySecretary, 'unit_secretary'), body })).status).toBe(403);
    expect((await client.request('POST', path, { token: await as(townDisciplineChief, 'discipline_inspector'), body })).status).toBe(403);
    const wrongConvenors = await client.request<{ errors: Array<{ path: string }> }>('POST', path, { token: await as(countyDisciplineChief, 'discipline_inspector'), body: { ...body, convenors: { ...convenors, deputySecretary: countyOrganisationChief.personId } } });
    expect(wrongConvenors.status).toBe(422);
    expect(wrongConvenors.body.errors.map((e) => e.path)).toContain('convenors.deputySecretary');
    talk = await client.expect<Talk>('POST', path, 200, { token: await as(countyDisciplineChief, 'discipline_inspector'), body });
    expect(talk.status).toBe('held');
    expect(new Set(talk.next!.personIds)).toEqual(new Set([townSecretary.personId, townDisciplineChief.personId]));
    // The town's discipline head, not named as talked to, states a position all the same: it finds the talk among its own and reads it.
    const own = await client.expect<{ talks: Talk[] }>('GET', '/api/my/talks', 200, { token: await as(townDisciplineChief, 'discipline_inspector') });
    expect(own.talks.map((t) => t.talkId)).toContain(talk.talkId);
    await client.expect('GET', `/api/talks/${talk.talkId}`, 200, { token: await as(townDisciplineChief, 'unit_staff') });
  });

  it('takes a position from the unit’s secretary and its discipline head, and from nobody else', async () => {
    const path = `/api/talks/${talk.talkId}/positions`;
    const body = { text: secrets.position };
    expect((await client.request('POST', path, { token: await as(townMember, 'unit_staff'), body })).status).toBe(403);
    expect((await client.request('POST', path, { token: await as(countySecretary, 'unit_secretary'), body })).status).toBe(403);
    talk = await client.expect<Talk>('POST', path, 200, { token: await as(townSecretary, 'unit_secretary'), body });
    expect((await client.request('POST', path, { token: await as(townSecretary, 'unit_secretary'), body })).status).toBe(409);
    // The plan waits for every position.
    const early = await client.request('POST', `/api/talks/${talk.talkId}/rectification-plan`, { token: await as(townSecretary, 'unit_secretary'), body: { items: [{ action: '逐户完成危房改造', dueDate: '2027-03-31' }] } });
    expect(early.status).toBe(409);
    talk = await client.expect<Talk>('POST', path, 200, { token: await as(townDisciplineChief, 'discipline_inspector'), body });
    expect(talk.next).toMatchObject({ step: '报送整改方案', personIds: [townSecretary.personId] });
  });

  it('ends in a rectification plan from the unit’s secretary, whose items are rectification items of the reports service', async () => {
    const path = `/api/talks/${talk.talkId}/rectification-plan`;
    const body = { items: [{ action: '逐户完成危房改造', dueDate: '2027-03-31' }, { action: '建立危房动态监测台账', dueDate: '2027-04-30' }] };
    expect((await client.request('POST', path, { token: await as(townDisciplineChief, 'discipline_inspector'), body })).status).toBe(403);
    expect((await client.request('POST', path, { token: await as(townMember, 'unit_secretary'), body })).status).toBe(403);
    talk = await client.expect<Talk>('POST', path, 200, { token: await as(townSecretary, 'unit_secretary'), body });
    expect(talk.status).toBe('rectifying');
    const requestIds = talk.plan.map((i) => i.requestId).sort();
    // The same list as every other rectification item of the town, opened by the reports service.
    const admin = await tokenFor(runtime, 'admin');
    const listed = await eventually(
      async () => {
        const { rectifications } = await client.expect<{ rectifications: Array<{ rectificationId: string; source: { kind: string; id: string }; status: string }> }>('GET', `/api/units/${town}/rectifications`, 200, { token: admin });
        const mine = rectifications.filter((r) => r.source.kind === 'talk' && r.source.id === talk.talkId);
        return mine.length === 2 ? mine : undefined;
      },
      60_000,
      'the plan’s items in the town’s rectification list',
    );
    expect(listed.map((r) => r.rectificationId).sort()).toEqual(requestIds);
    expect(listed.every((r) => r.status === 'open')).toBe(true);
    // The talk follows its items on reports.events.
    const followed = await eventually(
      async () => {
        const seen = await client.expect<Talk>('GET', `/api/talks/${talk.talkId}`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
        return seen.plan.every((i) => i.rectificationId !== null && i.status === 'open') ? seen : undefined;
      },
      60_000,
      'the talk to follow its rectification items',
    );
    expect(followed.plan.map((i) => i.rectificationId).sort()).toEqual(requestIds);
  });

  it('is read only by the roles in charge, and every read is recorded', async () => {
    const path = `/api/talks/${talk.talkId}`;
    // A team member of the town who took no part, and an admin, do not read it.
    expect((await client.request('GET', path, { token: await as(townStaff, 'unit_staff') })).status).toBe(403);
    expect((await client.request('GET', path, { token: await tokenFor(runtime, 'admin') })).status).toBe(403);
    const before = (await client.expect<{ accesses: Array<{ subject: string }> }>('GET', `${path}/access-log`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') })).accesses.length;
    await client.expect('GET', path, 200, { token: await as(countyOrganisationChief, 'organisation_dept') });
    const log = await client.expect<{ accesses: Array<{ subject: string; role: string; at: string }> }>('GET', `${path}/access-log`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
    expect(log.accesses).toHaveLength(before + 1);
    expect(log.accesses.at(-1)).toMatchObject({ subject: countyOrganisationChief.personId, role: 'organisation_dept' });
    // The town's staff do not read who read it either.
    expect((await client.request('GET', `${path}/access-log`, { token: await as(townStaff, 'unit_staff') })).status).toBe(403);
  });
});

describe('a red light', () => {
  it('suggests a reminder talk with the person responsible, linked to the light', async () => {
    const task = await whenPeopleKnown<{ taskId: string }>('POST', `/api/units/${town}/key-tasks`, 201, await as(townSecretary, 'unit_secretary'), {
      year,
      title: '农村危房改造',
      responsiblePersonId: townMember.personId,
      leadOffice: '民政办',
      goal: '全部完成',
      measures: '逐户核查',
      milestones: [{ date: '2026-12-20', text: '完成改造' }],
    });
    await client.expect('POST', `/api/units/${town}/key-tasks/${task.taskId}/lights`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector'), body: { quarter: 3, light: 'red', reason: '进度严重滞后' } });
    const suggested = await eventually(
      async () => {
        const { talks } = await client.expect<{ talks: Talk[] }>('GET', `/api/units/${town}/talks?year=${year}`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
        return talks.find((t) => t.status === 'suggested' && t.source.id === `${task.taskId}#Q3`);
      },
      60_000,
      'the suggested reminder talk',
    );
    expect(suggested).toMatchObject({ kind: 'reminder', source: { kind: 'keyTaskLight', summary: `${year}年第3季度重点任务亮红灯：进度严重滞后` } });
    expect(suggested.interviewees.map((p) => p.personId)).toEqual([townMember.personId]);
    // The member sees it among their own talks.
    const mine = await client.expect<{ talks: Talk[] }>('GET', '/api/my/talks', 200, { token: await as(townMember, 'unit_staff') });
    expect(mine.talks.map((t) => t.talkId)).toContain(suggested.talkId);
    // It is held like any talk planned by hand; a talk can also cite the light.
    const held = await client.expect<Talk>('POST', `/api/talks/${suggested.talkId}/record`, 200, {
      token: await as(countySecretary, 'unit_secretary'),
      body: { heldOn: '2026-11-23', convenors: [countySecretary.personId], problems: ['进度滞后'], demands: ['倒排工期'] },
    });
    expect(held.status).toBe('held');
  });
});

describe('warning notices', () => {
  let replied: Notice;
  let unanswered: Notice;
  const subject = (n: Notice) => `warningNotice.${n.noticeId}`;
  const remindersOf = (n: Notice) => reportsEvents('ReminderSent', (e) => (e.data.deadline as { subject: string }).subject === subject(n));

  beforeAll(async () => {
    const token = await as(countyDisciplineChief, 'discipline_inspector');
    const body = (personId: string) => ({ personId, leaderInChargeId: townSecretary.personId, source: { kind: 'hotline', note: '12388热线反映' }, tendency: secrets.tendency, demands: '立即纠正并书面说明', replyDueDate: '2026-12-10' });
    replied = await whenPeopleKnown<Notice>('POST', `/api/units/${town}/warning-notices`, 201, token, body(townStaff.personId));
    unanswered = await client.expect<Notice>('POST', `/api/units/${town}/warning-notices`, 201, { token, body: { ...body(townMember.personId), rectification: { action: '清理违规使用的公务用车', dueDate: '2027-01-15' } } });
    // The engine has both deadlines before the runs.
    await eventually(async () => (reportsEvents('RectificationOpened', (e) => (e.data.source as { id: string }).id === unanswered.noticeId).length === 1 ? true : undefined), 60_000, 'the notice’s rectification item');
  });

  it('reminds the person until a written reply comes, which stops the reminders', async () => {
    await run('2026-12-07');
    await eventually(async () => (remindersOf(replied).length === 1 && remindersOf(unanswered).length === 1 ? true : undefined), 60_000, 'the 3-day reminders');
    expect(remindersOf(replied)[0]!.data).toMatchObject({ offsetDays: 3, recipient: { unitId: town, personId: townStaff.personId } });
    // Only the person replies.
    expect((await client.request('POST', `/api/warning-notices/${replied.noticeId}/reply`, { token: await as(townSecretary, 'unit_secretary'), body: { text: secrets.reply } })).status).toBe(403);
    replied = await client.expect<Notice>('POST', `/api/warning-notices/${replied.noticeId}/reply`, 200, { token: await as(townStaff, 'unit_staff'), body: { text: secrets.reply } });
    expect(replied.status).toBe('replied');
    await eventually(async () => (interviewsEvents('WarningReplyReceived', (e) => e.data.noticeId === replied.noticeId).length === 1 ? true : undefined), 30_000, 'the reply on the topic');
    // The engine's state follows reports' consumer; the 1-day run reminds only the one not replied.
    await eventually(
      async () => {
        await run('2026-12-09');
        return remindersOf(unanswered).length === 2 ? true : undefined;
      },
      60_000,
      'the 1-day reminder',
    );
    expect(remindersOf(replied)).toHaveLength(1);
    // The commission accepts the reply; the person sees it among their notices.
    expect((await client.request('POST', `/api/warning-notices/${replied.noticeId}/review`, { token: await as(townDisciplineChief, 'discipline_inspector'), body: { decision: 'accept' } })).status).toBe(403);
    await client.expect('POST', `/api/warning-notices/${replied.noticeId}/review`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector'), body: { decision: 'accept' } });
    const mine = await client.expect<{ notices: Notice[] }>('GET', '/api/my/warning-notices', 200, { token: await as(townStaff, 'unit_staff') });
    expect(mine.notices.map((n) => [n.noticeId, n.status])).toEqual([[replied.noticeId, 'accepted']]);
  });

  it('escalates a reply not come by its deadline, and shows the notice overdue', async () => {
    await run('2026-12-11');
    const escalations = await eventually(
      async () => {
        const found = reportsEvents('DeadlineEscalated', (e) => (e.data.overdue as Array<{ deadline: { subject: string } }>).some((o) => o.deadline.subject === subject(unanswered)));
        return found.length === 2 ? found : undefined;
      },
      60_000,
      'the escalation of the missing reply',
    );
    expect(escalations.map((e) => `${e.data.to as string}@${e.data.unitId as string}`).sort()).toEqual([`disciplineCommission@${county}`, `upperCommittee@${county}`]);
    expect(reportsEvents('DeadlineEscalated', (e) => (e.data.overdue as Array<{ deadline: { subject: string } }>).some((o) => o.deadline.subject === subject(replied)))).toHaveLength(0);
    await eventually(async () => (interviewsEvents('WarningReplyOverdue', (e) => e.data.noticeId === unanswered.noticeId).length === 1 ? true : undefined), 60_000, 'WarningReplyOverdue');
    // The leader in charge sees it overdue; the commission reads it, and the read is recorded.
    const seen = await eventually(
      async () => {
        const n = await client.expect<Notice>('GET', `/api/warning-notices/${unanswered.noticeId}`, 200, { token: await as(townSecretary, 'unit_secretary') });
        return n.overdue ? n : undefined;
      },
      30_000,
      'the notice to show overdue',
    );
    expect(seen.status).toBe('issued');
    expect((await client.request('GET', `/api/warning-notices/${unanswered.noticeId}`, { token: await as(townStaff, 'unit_staff') })).status).toBe(403);
    // The leader in charge's read is in the notice's access log; the refused one is not.
    const log = await client.expect<{ accesses: Array<{ subject: string }> }>('GET', `/api/warning-notices/${unanswered.noticeId}/access-log`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
    expect(log.accesses.map((a) => a.subject)).toContain(townSecretary.personId);
    expect(log.accesses.map((a) => a.subject)).not.toContain(townStaff.personId);
  });
});

describe('the ledgers', () => {
  it('sum, for the discipline body, to a count of the events', async () => {
    const token = await as(townSecretary, 'unit_secretary');
    await client.expect('POST', `/api/units/${town}/education-plans`, 201, { token, body: { year, title: '年度廉政教育计划', content: '每季度一次警示教育', sessionsPlanned: 4 } });
    await client.expect('POST', `/api/units/${town}/education-sessions`, 201, { token, body: { heldOn: '2026-03-08', form: 'warningEducation', topic: '观看警示教育片', attendance: 40 } });
    await client.expect('POST', `/api/units/${town}/education-sessions`, 201, { token, body: { heldOn: '2026-09-18', form: 'partyLecture', topic: '廉政党课', attendance: 35 } });
    await client.expect('POST', `/api/units/${town}/trainings`, 201, { token: await as(countyOrganisationChief, 'organisation_dept'), body: { personId: townStaff.personId, course: '任前廉政培训', completedOn: '2026-04-02' } });
    const ledger = await client.expect<{ plan: unknown; sessions: unknown[]; trainings: unknown[] }>('GET', `/api/units/${town}/education-ledger?year=${year}`, 200, { token });
    expect([ledger.plan !== null, ledger.sessions.length, ledger.trainings.length]).toEqual([true, 2, 1]);

    const ours = (e: Event) => e.unitid === town || e.unitid === county;
    const count = (type: string, match: (e: Event) => boolean = () => true) => interviewsEvents(type, (e) => ours(e) && match(e)).length;
    const expected = () => ({
      planFiled: new Set(interviewsEvents('EducationPlanFiled', ours).map((e) => e.unitid)).size,
      sessions: count('EducationSessionHeld'),
      attendance: interviewsEvents('EducationSessionHeld', ours).reduce((n, e) => n + (e.data.attendance as number), 0),
      trainings: count('TrainingCompleted'),
      noticesIssued: count('WarningNoticeIssued'),
      repliesOnTime: count('WarningReplyReceived', (e) => e.data.onTime === true),
      repliesLate: count('WarningReplyReceived', (e) => e.data.onTime === false),
      repliesAccepted: count('WarningReplyAccepted'),
      repliesReturned: count('WarningReplyReturned'),
      repliesOverdue: count('WarningReplyOverdue'),
      talksSuggested: count('TalkProposed', (e) => e.data.suggested === true),
      talksHeld: Object.fromEntries(['integrity', 'reminder', 'warning', 'joint', 'admonishment'].map((k) => [k, count('TalkHeld', (e) => e.data.kind === k)])),
    });
    const sums = await eventually(
      async () => {
        const answer = await client.expect<{ total: Record<string, unknown> }>('GET', `/api/units/${county}/ledger-sums?year=${year}`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
        // Once the topic has every event this test sent, the sums equal their count.
        const counted = expected();
        return counted.planFiled === 1 && counted.sessions === 2 && counted.trainings === 1 && isDeepStrictEqual(answer.total, counted) ? answer : undefined;
      },
      60_000,
      'the ledger sums to equal the events counted',
    ).catch(async (error: unknown) => {
      const answer = await client.expect<{ total: unknown }>('GET', `/api/units/${county}/ledger-sums?year=${year}`, 200, { token: await as(countyDisciplineChief, 'discipline_inspector') });
      throw new Error(`${(error as Error).message}: ${JSON.stringify(answer.total)} ≠ ${JSON.stringify(expected())}`);
    });
    // Something of everything was counted.
    expect(sums.total).toMatchObject({ planFiled: 1, sessions: 2, attendance: 75, trainings: 1, noticesIssued: 2, repliesOnTime: 1, repliesAccepted: 1, repliesOverdue: 1, talksSuggested: 1, talksHeld: { joint: 1, reminder: 1 } });
  });
});

describe('personal records', () => {
  it('never reach a topic or the public side', async () => {
    // The interviews topic names people by id only: no name, no words of a record.
    const onInterviews = JSON.stringify(interviewsTopic.values());
    const names = [countySecretary, countyDisciplineChief, townSecretary, townMember, townStaff, townDisciplineChief].map((h) => h.name);
    for (const value of [...Object.values(secrets), '110101199003074514', '13912345678', ...names]) expect([value, onInterviews.includes(value)]).toEqual([value, false]);
    // Nor does anything a talk or a notice caused on the reports topic (rectification items, reminders, escalations).
    const onReports = JSON.stringify(reportsTopic.values());
    for (const value of [...Object.values(secrets), '110101199003074514', '13912345678']) expect([value, onReports.includes(value)]).toEqual([value, false]);
    // Lists give no record's words: only a read of the record does, and it is recorded.
    const inspector = await as(countyDisciplineChief, 'discipline_inspector');
    const lists = await Promise.all([
      client.expect('GET', `/api/units/${town}/talks?year=${year}`, 200, { token: inspector }),
      client.expect('GET', '/api/my/talks', 200, { token: await as(townSecretary, 'unit_secretary') }),
      client.expect('GET', `/api/units/${town}/warning-notices?year=${year}`, 200, { token: inspector }),
      client.expect('GET', '/api/my/warning-notices', 200, { token: await as(townStaff, 'unit_staff') }),
    ]);
    for (const value of Object.values(secrets)) expect([value, JSON.stringify(lists).includes(value)]).toEqual([value, false]);
    // Every route of the service, called without a token (the public), is refused with nothing of the records.
    const interviews = services.find((s) => s.name === 'interviews')!;
    for (const fn of Object.values(interviews.functions)) {
      for (const trigger of fn.triggers) {
        if (trigger.type !== 'http') continue;
        const path = trigger.path.replace('{unitId}', town).replace('{talkId}', interviewsEvents('TalkHeld')[0]!.data.talkId as string).replace('{noticeId}', unanswered());
        const answer = await client.request(trigger.method, path, trigger.method === 'GET' ? {} : { body: {} });
        expect([trigger.method, trigger.path, answer.status]).toEqual([trigger.method, trigger.path, 401]);
        for (const value of Object.values(secrets)) expect(JSON.stringify(answer.body)).not.toContain(value);
      }
    }
  });
});

/** The id of the notice left unanswered, from the topic. */
const unanswered = (): string => interviewsEvents('WarningReplyOverdue')[0]!.data.noticeId as string;
