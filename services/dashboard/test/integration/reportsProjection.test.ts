/**
 * The dashboard's read models of the annual cycle, on the real broker and DynamoDB Local: fixture
 * events published to `reports.events` for this test's own units, read back through the gateway as
 * a county's inspector (report statuses, rectification items, key task lights) and as the
 * inspector of a sibling county, who sees none of them.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Runtime } from '#infra/local/runtime.js';
import { api, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import type { AnnualReportOverview, KeyTaskLights, RectificationOverview } from '../../src/schemas.js';
import { reportsEvent, reportsPublisher } from '../support/reportsEvents.js';

let runtime: Runtime;
let publisher: ReturnType<typeof reportsPublisher>;
const suffix = Date.now().toString(36);
const units = { city: '', county: '', sibling: '', returnedTown: '', acceptedTown: '' };
const rectifications = { overdue: uuidv7(), evidence: uuidv7(), closed: uuidv7(), sibling: uuidv7() };
const tasks = { red: uuidv7(), green: uuidv7(), sibling: uuidv7() };
const reportYear = 2026;
const taskYear = 2027;
const pastDue = '2020-01-15';
const redReason = `节点任务未完成-${suffix}`;

beforeAll(async () => {
  runtime = await startTestRuntime();
  units.city = await registerUnit(runtime, `看板市-${suffix}`, undefined, '市委');
  units.county = await registerUnit(runtime, `看板县-${suffix}`, units.city);
  units.sibling = await registerUnit(runtime, `看板邻县-${suffix}`, units.city);
  units.returnedTown = await registerUnit(runtime, `甲镇-${suffix}`, units.county, '乡镇（街道）党委');
  units.acceptedTown = await registerUnit(runtime, `乙镇-${suffix}`, units.county, '乡镇（街道）党委');
  publisher = reportsPublisher();
  const { sibling, returnedTown, acceptedTown } = units;
  await publisher.publish([
    // Reports: one returned, one submitted late and accepted, the sibling's submitted; the county's missing.
    reportsEvent('reports.AnnualReportDraftSaved.v1', returnedTown, 1, { version: 1 }),
    reportsEvent('reports.AnnualReportSubmitted.v1', returnedTown, 2, { late: false, version: 1 }),
    reportsEvent('reports.AnnualReportReturned.v1', returnedTown, 3, { version: 1 }),
    reportsEvent('reports.AnnualReportDraftSaved.v1', acceptedTown, 1, { version: 1 }),
    reportsEvent('reports.AnnualReportSubmitted.v1', acceptedTown, 2, { late: true, version: 1, submittedAt: '2027-02-03T10:00:00.000+08:00' }),
    reportsEvent('reports.AnnualReportAccepted.v1', acceptedTown, 3, { version: 1 }),
    reportsEvent('reports.AnnualReportDraftSaved.v1', sibling, 1),
    reportsEvent('reports.AnnualReportSubmitted.v1', sibling, 2),
    // Rectification items: one past due and open, one with evidence and due in the future, one past due but closed; the sibling's past due.
    reportsEvent('reports.RectificationOpened.v1', returnedTown, 1, { rectificationId: rectifications.overdue, dueDate: pastDue }),
    reportsEvent('reports.RectificationOpened.v1', acceptedTown, 1, { rectificationId: rectifications.evidence, dueDate: '2099-12-31' }),
    reportsEvent('reports.RectificationEvidenceSubmitted.v1', acceptedTown, 2, { rectificationId: rectifications.evidence }),
    reportsEvent('reports.RectificationOpened.v1', returnedTown, 1, { rectificationId: rectifications.closed, dueDate: pastDue }),
    reportsEvent('reports.RectificationEvidenceSubmitted.v1', returnedTown, 2, { rectificationId: rectifications.closed }),
    reportsEvent('reports.RectificationClosed.v1', returnedTown, 3, { rectificationId: rectifications.closed }),
    reportsEvent('reports.RectificationOpened.v1', sibling, 1, { rectificationId: rectifications.sibling, dueDate: pastDue }),
    // Key tasks of the year: one rated red in the first quarter with two comments, one green and closed; the sibling's red.
    reportsEvent('reports.KeyTaskAdded.v1', returnedTown, 1, { taskId: tasks.red }),
    reportsEvent('reports.KeyTaskProgressed.v1', returnedTown, 2, { taskId: tasks.red }),
    reportsEvent('reports.KeyTaskRated.v1', returnedTown, 3, { taskId: tasks.red, light: 'red', reason: redReason }),
    reportsEvent('reports.KeyTaskRatingCommented.v1', returnedTown, 4, { taskId: tasks.red }),
    reportsEvent('reports.KeyTaskRatingCommented.v1', returnedTown, 5, { taskId: tasks.red }),
    reportsEvent('reports.KeyTaskAdded.v1', acceptedTown, 1, { taskId: tasks.green, title: '清廉机关建设' }),
    reportsEvent('reports.KeyTaskRated.v1', acceptedTown, 2, { taskId: tasks.green, light: 'green', reason: '按期推进' }),
    reportsEvent('reports.KeyTaskProgressed.v1', acceptedTown, 3, { taskId: tasks.green, requestsClosing: true }),
    reportsEvent('reports.KeyTaskClosed.v1', acceptedTown, 4, { taskId: tasks.green }),
    reportsEvent('reports.KeyTaskAdded.v1', sibling, 1, { taskId: tasks.sibling }),
    reportsEvent('reports.KeyTaskRated.v1', sibling, 2, { taskId: tasks.sibling, light: 'red' }),
  ]);
});

afterAll(async () => {
  await publisher?.stop();
  await runtime?.stop();
});

const read = async <T>(token: string, path: string) => {
  const answer = await api<T>(runtime, 'GET', path, { token });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const countyInspector = () => tokenFor(runtime, 'discipline_inspector', units.county);
const siblingInspector = () => tokenFor(runtime, 'discipline_inspector', units.sibling);

describe('the annual report statuses', () => {
  it('show a returned report with why and by whom, an accepted late one, and the county’s own as missing', async () => {
    // Prepare
    const token = await countyInspector();
    const path = `/api/dashboard/annual-reports?year=${reportYear}&detail=true`;

    // Act
    const overview = await eventually(async () => {
      const o = await read<AnnualReportOverview>(token, path);
      const statuses = o.units.map((u) => u.status).join();
      return o.units.length === 3 && statuses.includes('returned') && statuses.includes('accepted') ? o : undefined;
    }, 30_000, 'the returned and the accepted report on the dashboard');
    const plain = await read<AnnualReportOverview>(token, `/api/dashboard/annual-reports?year=${reportYear}`);

    // Assess
    expect(overview.units.map((u) => [u.unitId, u.status, u.report?.status, u.report?.late])).toEqual([
      [units.county, 'missing', 'missing', false],
      [units.returnedTown, 'returned', 'returned', false],
      [units.acceptedTown, 'accepted', 'accepted', true],
    ]);
    expect(overview.units[1]?.report).toEqual({
      status: 'returned',
      late: false,
      version: 1,
      changedAt: expect.any(String),
      returned: { by: 'disciplineCommission', reason: '第一责任人履职情况不够具体，请补充' },
    });
    expect(overview.counts).toEqual({ missing: 1, draft: 0, submitted: 0, returned: 1, accepted: 1, reopened: 0 });
    expect(plain).toEqual({
      year: reportYear,
      expected: 3,
      submitted: 1,
      late: 1,
      missing: 2,
      units: [
        { unitId: units.county, name: `看板县-${suffix}`, parentId: units.city, status: 'missing' },
        { unitId: units.returnedTown, name: `甲镇-${suffix}`, parentId: units.county, status: 'returned' },
        { unitId: units.acceptedTown, name: `乙镇-${suffix}`, parentId: units.county, status: 'accepted' },
      ],
    });
  });
});

describe('the rectification items', () => {
  it('flag the open item past its due date as overdue, and not the closed one nor the one due later', async () => {
    // Prepare
    const token = await countyInspector();

    // Act
    const all = await eventually(async () => {
      const o = await read<RectificationOverview>(token, '/api/dashboard/rectifications');
      return o.items.length === 3 && o.items.some((i) => i.status === 'closed') && o.items.some((i) => i.status === 'evidenceSubmitted') ? o : undefined;
    }, 30_000, 'three rectification items on the dashboard');
    const overdue = await read<RectificationOverview>(token, '/api/dashboard/rectifications?overdue=true');
    const closed = await read<RectificationOverview>(token, '/api/dashboard/rectifications?status=closed');
    const refused = await api(runtime, 'GET', '/api/dashboard/rectifications?status=late', { token });

    // Assess
    const byId = new Map(all.items.map((i) => [i.rectificationId, i]));
    expect(byId.get(rectifications.overdue)).toMatchObject({ unitId: units.returnedTown, status: 'open', overdue: true, dueDate: pastDue, history: 1, source: { kind: 'hearing' } });
    expect(byId.get(rectifications.closed)).toMatchObject({ status: 'closed', overdue: false, history: 3 });
    expect(byId.get(rectifications.evidence)).toMatchObject({ unitId: units.acceptedTown, status: 'evidenceSubmitted', overdue: false, history: 2 });
    expect(all.counts).toEqual({ open: 1, evidenceSubmitted: 1, closed: 1, overdue: 1 });
    expect(overdue.items.map((i) => i.rectificationId)).toEqual([rectifications.overdue]);
    expect(closed.items.map((i) => i.rectificationId)).toEqual([rectifications.closed]);
    expect(closed.counts).toEqual(all.counts);
    expect(refused.status).toBe(400);
  });
});

describe('the key task lights', () => {
  it('show a red light with its reason and comments, and count each quarter’s lights', async () => {
    // Prepare
    const token = await countyInspector();

    // Act
    const lights = await eventually(async () => {
      const o = await read<KeyTaskLights>(token, `/api/dashboard/key-task-lights?year=${taskYear}`);
      const red = o.tasks.find((t) => t.taskId === tasks.red);
      const green = o.tasks.find((t) => t.taskId === tasks.green);
      return red?.comments['1'] === 2 && green?.closed ? o : undefined;
    }, 30_000, 'the red and the closed key task on the dashboard');

    // Assess
    expect(lights.tasks.map((t) => t.taskId)).toEqual([tasks.red, tasks.green]);
    expect(lights.tasks[0]).toMatchObject({
      unitId: units.returnedTown,
      unitName: `甲镇-${suffix}`,
      year: taskYear,
      title: '村级小微权力清单全覆盖',
      responsible: { name: '李华' },
      closed: false,
      lights: { '1': 'red' },
      reasons: { '1': redReason },
      comments: { '1': 2, '2': 0, '3': 0, '4': 0 },
    });
    expect(lights.tasks[1]).toMatchObject({ closed: true, closingRequested: true, lights: { '1': 'green' } });
    expect(lights.counts['1']).toEqual({ red: 1, yellow: 0, green: 1 });
    expect(lights.counts['2']).toEqual({ red: 0, yellow: 0, green: 0 });
  });
});

describe('a caller in the sibling county', () => {
  it('sees its own report, item and task, and nothing of the other county', async () => {
    // Prepare
    const token = await siblingInspector();
    const others = [units.county, units.returnedTown, units.acceptedTown, rectifications.overdue, rectifications.evidence, rectifications.closed, tasks.red, tasks.green];

    // Act: once the sibling's own things show, they have all been applied.
    const answers = await eventually(async () => {
      const reports = await read<AnnualReportOverview>(token, `/api/dashboard/annual-reports?year=${reportYear}&detail=true`);
      const items = await read<RectificationOverview>(token, '/api/dashboard/rectifications');
      const lights = await read<KeyTaskLights>(token, `/api/dashboard/key-task-lights?year=${taskYear}`);
      const ready = reports.units.some((u) => u.status === 'submitted') && items.items.length === 1 && lights.tasks.length === 1;
      return ready ? { reports, items, lights } : undefined;
    }, 30_000, 'the sibling’s own things on the dashboard');

    // Assess
    expect(answers.reports.units.map((u) => [u.unitId, u.status])).toEqual([[units.sibling, 'submitted']]);
    expect(answers.items.items.map((i) => [i.rectificationId, i.overdue])).toEqual([[rectifications.sibling, true]]);
    expect(answers.lights.tasks.map((t) => [t.taskId, t.lights['1']])).toEqual([[tasks.sibling, 'red']]);
    const text = JSON.stringify(answers);
    for (const id of others) expect(text).not.toContain(id);
  });
});
