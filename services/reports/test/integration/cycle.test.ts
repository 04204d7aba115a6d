/**
 * The annual cycle through the gateway on the real broker and DynamoDB Local: a report answering
 * the unit's published lists and the statement, returned and resubmitted with its versions compared;
 * a late report locked and reopened; a hearing whose comments open rectification items, with an
 * uploaded file's hash recorded as evidence; key tasks
 * closed only by the commission and rated each quarter; the monthly ledger and its circulation.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Staffed } from '#infra/local/support/signingFlow.js';
import { reportsFlow, statementAnswers } from '#infra/local/support/reportsFlow.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { cstDate } from '#events/envelope.js';
import { topics } from '#events/topics.js';

let runtime: Runtime;
let client: HttpClient;
let recorder: TopicRecorder;
const suffix = Date.now().toString(36);
const today = cstDate(new Date());
/** The year in progress in China Standard Time: its report is due next 31 January. */
const year = Number(today.slice(0, 4));
const units = {} as { city: string; own: string; sibling: string; child: string };
let own: Staffed;
const tokens = {} as Record<'secretary' | 'staff' | 'member' | 'cityInspector' | 'citySecretary' | 'siblingStaff' | 'childStaff' | 'ownInspector', string>;

const published = (unitId: string, eventType: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
  eventually(
    async () => recorder.values().find((e) => e.type === eventType && (e.data as Record<string, unknown>).unitId === unitId && match(e.data as Record<string, unknown>)),
    15_000,
    `${eventType} of ${unitId} on ${topics.reports}`,
  );

beforeAll(async () => {
  runtime = await startTestRuntime();
  recorder = await recordTopic(topics.reports);
  client = httpClient(runtime.url);
  const flow = signingFlow(client, runtime.keys);
  units.city = await registerUnit(runtime, `周期市-${suffix}`, undefined, '市委');
  units.own = await registerUnit(runtime, `周期县-${suffix}`, units.city);
  units.sibling = await registerUnit(runtime, `周期邻县-${suffix}`, units.city);
  units.child = await registerUnit(runtime, `周期镇-${suffix}`, units.own, '乡镇（街道）党委');
  own = await flow.staff(units.own, { secretary: '赵书记', members: [{ name: '钱委员', areas: ['财政'] }] });
  await flow.publishLists(own, year);
  tokens.secretary = await flow.tokenOf(own.secretary);
  tokens.member = await flow.tokenOf(own.members[0]!);
  tokens.staff = await tokenFor(runtime, 'unit_staff', units.own);
  tokens.ownInspector = await tokenFor(runtime, 'discipline_inspector', units.own);
  tokens.cityInspector = await tokenFor(runtime, 'discipline_inspector', units.city, 'city-inspector');
  tokens.citySecretary = await tokenFor(runtime, 'unit_secretary', units.city, 'city-secretary');
  tokens.siblingStaff = await tokenFor(runtime, 'unit_staff', units.sibling);
  tokens.childStaff = await tokenFor(runtime, 'unit_staff', units.child);
  // The reports service learns the units, the posts and the published lists from signing.events.
  await eventually(
    async () => {
      const answer = await api<{ items: Array<{ part: string }> }>(runtime, 'GET', `/api/units/${units.own}/annual-reports/${year}`, { token: tokens.staff });
      return answer.status === 200 && answer.body.items.some((i) => i.part === 'list') ? true : undefined;
    },
    30_000,
    'reports to know the unit and its lists',
  );
  for (const id of [units.child, units.sibling]) {
    await eventually(async () => ((await api(runtime, 'GET', `/api/units/${id}/rectifications`, { token: tokens.cityInspector })).status === 200 ? true : undefined), 30_000, `reports to know ${id}`);
  }
}, 120_000);

afterAll(async () => {
  client?.close();
  await runtime?.stop();
  await recorder?.stop();
});

describe('the annual report', () => {
  it('answers the published list items and the 24 statement items, and is not submitted while one is missing: the 422 names it', async () => {
    // Prepare
    const flow = reportsFlow(client);
    const structure = await flow.structure(units.own, year, tokens.staff);
    const listItem = structure.items.find((i) => i.part === 'list')!;
    await flow.answerAll(units.own, year, tokens.staff, { skip: [listItem.itemId] });

    // Act
    const refused = await flow.submit(units.own, year, tokens.secretary);

    // Assess
    expect(structure.items.filter((i) => i.part === 'statement')).toHaveLength(24);
    expect(structure.items.filter((i) => i.part === 'list').length).toBeGreaterThan(0);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: [{ path: `answers.${listItem.itemId}`, message: expect.stringContaining(`「${listItem.text}」未填写`) }] });
  });

  it('runs submit → return with a reason → resubmit → accept, keeping every version, and compares two of them item by item', async () => {
    // Prepare: a complete draft
    const flow = reportsFlow(client);
    await flow.answerAll(units.own, year, tokens.staff);
    const statement = statementAnswers();

    // Act
    const submitted = await flow.submit(units.own, year, tokens.secretary);
    const siblingRead = await api(runtime, 'GET', `/api/units/${units.own}/annual-reports/${year}`, { token: tokens.siblingStaff });
    const returned = await client.expect<{ status: string; returned: { by: string; reason: string } }>('POST', `/api/units/${units.own}/annual-reports/${year}/return`, 200, {
      token: tokens.cityInspector,
      body: { reason: '第一责任人履责情况过于笼统，请补充具体事例。' },
    });
    const edited = await client.expect<{ draft: number }>('PUT', `/api/units/${units.own}/annual-reports/${year}`, 200, {
      token: tokens.staff,
      body: { summary: '修改稿', answers: { ...(await currentAnswers()), 'S2-02': '与班子成员逐一开展廉政谈话12人次，与下级主要负责人谈话8人次。' } },
    });
    const resubmitted = await flow.submit(units.own, year, tokens.secretary);
    const accepted = await client.expect<{ status: string }>('POST', `/api/units/${units.own}/annual-reports/${year}/accept`, 200, { token: tokens.citySecretary });
    const history = await client.expect<{ versions: Array<{ draft: number }> }>('GET', `/api/units/${units.own}/annual-reports/${year}/versions`, 200, { token: tokens.citySecretary });
    const comparison = await client.expect<{ changed: number; items: Array<{ itemId: string; change: string; before: string; after: string }> }>(
      'GET',
      `/api/units/${units.own}/annual-reports/${year}/versions/compare?from=${edited.draft - 1}&to=${edited.draft}`,
      200,
      { token: tokens.cityInspector },
    );

    // Assess
    expect(submitted.status).toBe(200);
    expect(siblingRead.status).toBe(403);
    expect(returned).toMatchObject({ status: 'returned', returned: { by: 'disciplineCommission', reason: '第一责任人履责情况过于笼统，请补充具体事例。' } });
    expect(resubmitted.status).toBe(200);
    expect(accepted.status).toBe('accepted');
    expect(history.versions.map((v) => v.draft)).toEqual(Array.from({ length: edited.draft }, (_, i) => i + 1));
    expect(comparison.items.find((i) => i.itemId === 'S2-02')).toMatchObject({ change: 'changed', after: expect.stringContaining('12人次') });
    expect(comparison.items.find((i) => i.itemId === 'summary')).toMatchObject({ change: 'changed', after: '修改稿' });
    expect(comparison.changed).toBe(comparison.items.filter((i) => i.change !== 'same').length);
    expect(statement['S2-02']).toBeDefined();
    await published(units.own, 'reports.AnnualReportReturned.v1', (d) => d.by === 'disciplineCommission');
    await published(units.own, 'reports.AnnualReportSubmitted.v1', (d) => d.resubmission === true);
    await published(units.own, 'reports.AnnualReportAccepted.v1');
  });

  it('flags a late submission, then locks entry after a return, until the upper level reopens it with a reason and a new deadline', async () => {
    // Prepare: the report on 2020, long past its deadline (the unit had no lists then: the statement only)
    const body = { summary: '2020年度报告', answers: statementAnswers() };
    await client.expect('PUT', `/api/units/${units.own}/annual-reports/2020`, 200, { token: tokens.staff, body });

    // Act
    const late = await client.expect<{ late: boolean }>('POST', `/api/units/${units.own}/annual-reports/2020/submit`, 200, { token: tokens.secretary });
    await client.expect('POST', `/api/units/${units.own}/annual-reports/2020/return`, 200, { token: tokens.citySecretary, body: { reason: '补充材料' } });
    const locked = await api(runtime, 'PUT', `/api/units/${units.own}/annual-reports/2020`, { token: tokens.staff, body });
    const view = await client.expect<{ locked: boolean }>('GET', `/api/units/${units.own}/annual-reports/2020`, 200, { token: tokens.staff });
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const byTheUnit = await api(runtime, 'POST', `/api/units/${units.own}/annual-reports/2020/reopen`, { token: tokens.secretary, body: { reason: '自行开放', deadline } });
    const reopened = await client.expect<{ reopened: { reason: string } }>('POST', `/api/units/${units.own}/annual-reports/2020/reopen`, 200, {
      token: tokens.citySecretary,
      body: { reason: '因系统故障未能按时报送，经研究同意重新开放。', deadline },
    });
    const saved = await api(runtime, 'PUT', `/api/units/${units.own}/annual-reports/2020`, { token: tokens.staff, body });
    const again = await client.expect<{ status: string; late: boolean }>('POST', `/api/units/${units.own}/annual-reports/2020/submit`, 200, { token: tokens.secretary });

    // Assess
    expect(late.late).toBe(true);
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ detail: expect.stringContaining('填报已锁定') });
    expect(view.locked).toBe(true);
    expect(byTheUnit.status).toBe(403);
    expect(reopened.reopened.reason).toContain('重新开放');
    expect(saved.status).toBe(200);
    expect(again).toMatchObject({ status: 'submitted', late: false });
    await published(units.own, 'reports.AnnualReportReopened.v1', (d) => d.year === 2020);
  });
});

/** The own unit's answers of the year as they stand. */
const currentAnswers = async () =>
  (await client.expect<{ report: { answers: Record<string, string> } }>('GET', `/api/units/${units.own}/annual-reports/${year}`, 200, { token: tokens.staff })).report.answers;

interface Rectification {
  rectificationId: string;
  status: string;
  overdue: boolean;
}

describe('hearings and rectification', () => {
  let hearingId: string;
  let commentId: string;
  const open = (dueDate: string) =>
    client.expect<Rectification>('POST', `/api/units/${units.own}/hearings/${hearingId}/comments/${commentId}/rectifications`, 201, {
      token: tokens.cityInspector,
      body: { action: '建立对下级党组织的季度督查制度并落实', dueDate },
    });

  beforeAll(async () => {
    const hearing = await client.expect<{ hearingId: string; secretary: { name: string } }>('POST', `/api/units/${units.own}/hearings`, 201, {
      token: tokens.cityInspector,
      body: { year, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    hearingId = hearing.hearingId;
    await client.expect('POST', `/api/units/${units.own}/hearings/${hearingId}/comments`, 201, { token: tokens.cityInspector, body: { kind: 'question', memberName: '周敏', text: '对下级党组织的督导如何开展？' } });
    const comment = await client.expect<{ commentId: string }>('POST', `/api/units/${units.own}/hearings/${hearingId}/comments`, 201, {
      token: tokens.cityInspector,
      body: { kind: 'comment', memberName: '周敏', text: '对下级党组织履责情况的督导检查不够。' },
    });
    commentId = comment.commentId;
  });

  it('schedules by 31 March only, and names the unit’s secretary', async () => {
    // Act
    const tooLate = await api(runtime, 'POST', `/api/units/${units.own}/hearings`, { token: tokens.cityInspector, body: { year, scheduledAt: `${year + 1}-04-01T09:00:00+08:00` } });
    const minutes = await client.expect<{ hearings: Array<{ secretary: { name: string }; comments: Array<{ kind: string; member: { name: string } }> }> }>(
      'GET',
      `/api/units/${units.own}/hearings?year=${year}`,
      200,
      { token: tokens.cityInspector },
    );

    // Assess
    expect(tooLate.status).toBe(422);
    expect(minutes.hearings[0]).toMatchObject({ secretary: { name: '赵书记' }, comments: [{ kind: 'question', member: { name: '周敏' } }, { kind: 'comment' }] });
  });

  it('shows the minutes to the levels above only: the unit itself, its child and its sibling get 403', async () => {
    // Act
    const statuses = await Promise.all(
      [tokens.secretary, tokens.siblingStaff, tokens.childStaff, await tokenFor(runtime, 'discipline_inspector', units.sibling)].map(
        async (token) => (await api(runtime, 'GET', `/api/units/${units.own}/hearings?year=${year}`, { token })).status,
      ),
    );

    // Assess
    expect(statuses).toEqual([403, 403, 403, 403]);
  });

  it('opens a rectification item from a comment that runs through evidence to closed, and another rejected back to open', async () => {
    // Prepare
    const due = `${year + 1}-06-30`;
    const first = await open(due);
    const second = await open(due);
    const pdf = readFileSync(new URL('../fixtures/attachments/notice.pdf', import.meta.url));
    const attachment = await reportsFlow(client).attach(units.own, tokens.staff, { name: '季度督查制度.pdf', mediaType: 'application/pdf', bytes: pdf });
    const evidence = (id: string, attachmentIds: string[] = []) =>
      client.expect<Rectification & { evidence: Array<{ attachmentId: string; sha256: string }> }>('POST', `/api/units/${units.own}/rectifications/${id}/evidence`, 200, {
        token: tokens.staff,
        body: { note: '已印发季度督查制度', attachmentIds },
      });
    const verify = (id: string, body: object) => client.expect<Rectification>('POST', `/api/units/${units.own}/rectifications/${id}/verify`, 200, { token: tokens.cityInspector, body });

    // Act
    const submitted = await evidence(first.rectificationId, [attachment.attachmentId]);
    const closed = await verify(first.rectificationId, { decision: 'close' });
    await evidence(second.rectificationId);
    const rejected = await verify(second.rectificationId, { decision: 'reject', reason: '佐证材料不足，请补充督查记录' });
    const byTheUnit = await api(runtime, 'POST', `/api/units/${units.own}/rectifications/${second.rectificationId}/verify`, { token: tokens.ownInspector, body: { decision: 'close' } });

    // Assess
    expect(first).toMatchObject({ status: 'open', overdue: false });
    expect(submitted.status).toBe('evidenceSubmitted');
    expect(submitted.evidence).toEqual([expect.objectContaining({ attachmentId: attachment.attachmentId, sha256: createHash('sha256').update(pdf).digest('hex') })]);
    expect(closed.status).toBe('closed');
    expect(rejected.status).toBe('open');
    expect(byTheUnit.status).toBe(403);
    const opened = await published(units.own, 'reports.RectificationOpened.v1', (d) => d.rectificationId === first.rectificationId);
    expect((opened.data as { source: unknown }).source).toEqual({ kind: 'hearing', id: commentId });
    await published(units.own, 'reports.RectificationEvidenceSubmitted.v1', (d) => (d.evidence as Array<{ sha256: string }>)[0]?.sha256 === attachment.sha256);
    await published(units.own, 'reports.RectificationClosed.v1', (d) => d.rectificationId === first.rectificationId);
    await published(units.own, 'reports.RectificationReopened.v1', (d) => d.rectificationId === second.rectificationId && d.reason === '佐证材料不足，请补充督查记录');
  });

  it('flags an item past its due date as overdue', async () => {
    // Prepare
    const yesterday = cstDate(new Date(Date.now() - 86_400_000));
    const item = await open(yesterday);

    // Act
    const listed = await client.expect<{ rectifications: Rectification[] }>('GET', `/api/units/${units.own}/rectifications`, 200, { token: tokens.staff });

    // Assess
    expect(listed.rectifications.find((r) => r.rectificationId === item.rectificationId)).toMatchObject({ status: 'open', overdue: true });
    expect(listed.rectifications.filter((r) => r.rectificationId !== item.rectificationId).every((r) => !r.overdue)).toBe(true);
  });
});

describe('key tasks and their lights', () => {
  let taskId: string;

  beforeAll(async () => {
    const task = await client.expect<{ taskId: string; lights: Record<string, string> }>('POST', `/api/units/${units.own}/key-tasks`, 201, {
      token: tokens.staff,
      body: {
        year,
        title: '建立班子成员廉政风险点台账',
        responsiblePersonId: own.members[0]!.personId,
        leadOffice: '党政办',
        goal: '班子成员廉政风险点全覆盖',
        measures: '逐岗排查、分级评定、季度复核',
        milestones: [{ date: `${year}-12-31`, text: '完成排查' }],
      },
    });
    taskId = task.taskId;
    // The answer is a task as every route shows one: with its lights, none yet.
    expect(task.lights).toEqual({});
  });

  it('cannot be closed without the commission’s confirmation', async () => {
    // Act
    const byTheUnit = await api(runtime, 'POST', `/api/units/${units.own}/key-tasks/${taskId}/close`, { token: tokens.secretary, body: { memberName: '赵书记' } });
    const unasked = await api(runtime, 'POST', `/api/units/${units.own}/key-tasks/${taskId}/close`, { token: tokens.cityInspector, body: { memberName: '周敏' } });
    const requested = await client.expect<{ closed: unknown; closingRequested: boolean }>('POST', `/api/units/${units.own}/key-tasks/${taskId}/progress`, 200, {
      token: tokens.staff,
      body: { note: '已完成全部岗位排查，申请销号', attachmentIds: [], requestsClosing: true },
    });
    const confirmed = await client.expect<{ closed: { confirmedBy: { name: string } } }>('POST', `/api/units/${units.own}/key-tasks/${taskId}/close`, 200, {
      token: tokens.cityInspector,
      body: { memberName: '周敏' },
    });

    // Assess
    expect(byTheUnit.status).toBe(403);
    expect(unasked.status).toBe(422);
    expect(requested).toMatchObject({ closingRequested: true, closed: null });
    expect(confirmed.closed.confirmedBy.name).toBe('周敏');
    await published(units.own, 'reports.KeyTaskClosed.v1', (d) => d.taskId === taskId);
  });

  it('publishes a red light as an event, keeps the history of lights, and is visible to a sibling under the same upper level but not below it', async () => {
    // Act
    await client.expect('POST', `/api/units/${units.own}/key-tasks/${taskId}/lights`, 200, { token: tokens.cityInspector, body: { quarter: 1, light: 'yellow', reason: '进度滞后' } });
    const rated = await client.expect<{ lights: Record<string, string>; ratings: unknown[] }>('POST', `/api/units/${units.own}/key-tasks/${taskId}/lights`, 200, {
      token: tokens.ownInspector,
      body: { quarter: 1, light: 'red', reason: '严重滞后于时间节点' },
    });
    const commented = await client.expect<{ comments: unknown[] }>('POST', `/api/units/${units.own}/key-tasks/${taskId}/lights/1/comments`, 200, {
      token: tokens.cityInspector,
      body: { memberName: '周敏', text: '请对照时间节点加快推进。' },
    });
    const sibling = await api<{ tasks: Array<{ taskId: string; lights: Record<string, string> }> }>(runtime, 'GET', `/api/units/${units.own}/key-tasks?year=${year}`, { token: tokens.siblingStaff });
    const child = await api(runtime, 'GET', `/api/units/${units.own}/key-tasks?year=${year}`, { token: tokens.childStaff });

    // Assess
    expect(rated.lights).toEqual({ 1: 'red' });
    expect(rated.ratings).toHaveLength(2);
    expect(commented.comments).toHaveLength(1);
    expect(sibling.status).toBe(200);
    expect(sibling.body.tasks.find((t) => t.taskId === taskId)?.lights).toEqual({ 1: 'red' });
    expect(child.status).toBe(403);
    const red = await published(units.own, 'reports.KeyTaskRated.v1', (d) => d.taskId === taskId && d.light === 'red');
    expect(red.data).toMatchObject({ quarter: 1, responsible: { personId: own.members[0]!.personId, name: '钱委员' } });
    await eventually(
      async () => {
        const lights = await api<{ tasks: Array<{ taskId: string; lights: Record<string, string> }> }>(runtime, 'GET', `/api/dashboard/key-task-lights?year=${year}`, { token: tokens.cityInspector });
        return lights.body.tasks?.find((t) => t.taskId === taskId)?.lights['1'] === 'red' ? true : undefined;
      },
      15_000,
      'the red light in the dashboard',
    );
  });
});

describe('the monthly ledger', () => {
  it('is filed once a month by a person in post, checked, and circulated by quarter with the missing and failed filings', async () => {
    // Prepare: the last quarter that is over
    const month = Number(today.slice(5, 7));
    const current = Math.ceil(month / 3);
    const [qYear, quarter] = current === 1 ? [year - 1, 4] : [year, current - 1];
    const first = `${qYear}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}`;
    const second = `${qYear}-${String((quarter - 1) * 3 + 2).padStart(2, '0')}`;
    const file = (token: string, m: string) => api(runtime, 'POST', `/api/units/${units.own}/ledgers`, { token, body: { month: m, entries: ['参加廉政教育专题学习1次'] } });

    // Act
    const filed = await file(tokens.member, first);
    const twice = await file(tokens.member, first);
    const notInPost = await file(await tokenFor(runtime, 'unit_staff', units.own, 'someone-else'), first);
    await file(tokens.member, second);
    const checked = await client.expect<{ check: { result: string } }>('POST', `/api/units/${units.own}/ledgers/${second}/${own.members[0]!.personId}/check`, 200, {
      token: tokens.ownInspector,
      body: { result: 'failed', note: '内容空泛，未列具体事项' },
    });
    const circulation = await client.expect<{ shortfalls: Array<{ person: { name: string }; missing: string[]; failed: string[] }>; filers: number }>(
      'POST',
      `/api/units/${units.own}/ledger-circulations`,
      201,
      { token: tokens.ownInspector, body: { year: qYear, quarter } },
    );

    // Assess
    expect(filed.status).toBe(201);
    expect(twice.status).toBe(409);
    expect(notInPost.status).toBe(422);
    expect(checked.check.result).toBe('failed');
    expect(circulation.filers).toBe(2);
    const third = `${qYear}-${String(quarter * 3).padStart(2, '0')}`;
    expect(circulation.shortfalls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ person: expect.objectContaining({ name: '钱委员' }), missing: [third], failed: [second] }),
        expect.objectContaining({ person: expect.objectContaining({ name: '赵书记' }), missing: [first, second, third], failed: [] }),
      ]),
    );
    await published(units.own, 'reports.LedgerCirculated.v1', (d) => d.quarter === quarter);
  });
});
