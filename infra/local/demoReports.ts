/**
 * Demo data of the reports service for `npm start`: the year in progress, after the signing demo
 * has staffed 海城市's units and published their lists. Reports in every state (accepted, submitted,
 * returned, a draft, last year's submitted late, the rest missing); last year's hearing of a county
 * secretary with questions and comments, two of which opened rectification items (one closed, one
 * overdue); and each county's key tasks with a progress report and the lights of the quarters begun. Driven through the
 * API like everything else; skipped when the county of the hearing already has key tasks.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { HttpClient } from './support/httpClient.js';
import { eventually } from './support/eventually.js';
import { reportsFlow } from './support/reportsFlow.js';

/** A unit of the demo's tree, as the API lists it. */
export interface DemoUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

interface Post {
  readonly personId: string;
  readonly name: string;
  readonly role: string;
}

const lights = ['green', 'yellow', 'red'] as const;

/**
 * The department whose report is in each state, by name: a unit's place in a listing depends on the
 * listing's order, and the demo's test looks the units up by these names.
 */
export const demoReportStates = { accepted: '市财政局', submitted: '市发展和改革委员会', returned: '市公安局', late: '市教育局', missing: '市卫生健康委员会' } as const;

/** The county with a draft report and last year's hearing, whose comments opened rectification items. */
export const demoHearingCounty = '东湖县';
const reasons = { green: '按时间节点推进，成效明显', yellow: '进度略滞后于时间节点', red: '严重滞后，未完成季度节点任务' } as const;

/**
 * Seeds the reports on `year` (the one due next), last year's hearing, and the key tasks of
 * `taskYear` (the year in progress) for the units under `cityId`.
 */
export const seedReports = async (api: HttpClient, runtime: Runtime, tree: readonly DemoUnit[], cityId: string, year: number, taskYear: number): Promise<void> => {
  const counties = tree.filter((u) => u.parentId === cityId && tree.some((c) => c.parentId === u.id));
  const department = (name: string) => tree.find((u) => u.parentId === cityId && u.name === name);
  const [accepted, submitted, returned, late] = [demoReportStates.accepted, demoReportStates.submitted, demoReportStates.returned, demoReportStates.late].map(department);
  const first = counties.find((u) => u.name === demoHearingCounty);
  if (!first || !accepted || !submitted || !returned || !late) return;
  const token = (role: 'unit_staff' | 'unit_secretary' | 'discipline_inspector', unitId: string, subject = `demo-${role}-${unitId}`) => signToken(runtime.keys, role, unitId, subject);
  const cityInspector = await token('discipline_inspector', cityId, 'demo-city-inspector');
  const existing = await api.request<{ tasks: unknown[] }>('GET', `/api/units/${first.id}/key-tasks?year=${taskYear}`, { token: cityInspector });
  if (existing.status === 200 && existing.body.tasks.length > 0) return;

  // The reports service learns posts and lists from signing.events: wait until it has the last town's
  // (the tree may hold units of others, without lists).
  const reports = reportsFlow(api);
  const last = tree.filter((u) => counties.some((c) => c.id === u.parentId)).at(-1) ?? first;
  await eventually(
    async () => ((await reports.structure(last.id, taskYear, await token('unit_staff', last.id))).items.some((i) => i.part === 'list') ? true : undefined),
    30_000,
    'the reports service to know the published lists',
    200,
  );

  // Reports in every state.
  const write = async (unit: DemoUnit, reportYear: number, skip: readonly string[] = []) => {
    const secretary = await token('unit_secretary', unit.id);
    const structure = await reports.structure(unit.id, reportYear, secretary);
    await reports.answerAll(unit.id, reportYear, secretary, { summary: `${unit.name}${reportYear}年度履行党风廉政建设主体责任情况报告`, skip: structure.items.filter((i) => skip.includes(i.part)).map((i) => i.itemId) });
    return secretary;
  };
  const submit = async (unit: DemoUnit, reportYear: number) => api.expect('POST', `/api/units/${unit.id}/annual-reports/${reportYear}/submit`, 200, { token: await write(unit, reportYear) });
  await submit(accepted, year);
  await api.expect('POST', `/api/units/${accepted.id}/annual-reports/${year}/accept`, 200, { token: cityInspector });
  await submit(submitted, year);
  await submit(returned, year);
  await api.expect('POST', `/api/units/${returned.id}/annual-reports/${year}/return`, 200, { token: cityInspector, body: { reason: '第一责任人履责情况过于笼统，请补充具体事例和数据。' } });
  await submit(late, year - 1);
  await write(first, year, ['list']);

  // Last year's hearing of the first county's secretary, with questions, comments and rectification items.
  const admin = await signToken(runtime.keys, 'admin');
  const posts = async (unitId: string) => (await api.expect<{ posts: Post[] }>('GET', `/api/units/${unitId}/posts`, 200, { token: admin })).posts;
  const member = (await posts(cityId)).find((p) => p.role === 'disciplineChief')?.name ?? '市纪委委员';
  const hearing = await api.expect<{ hearingId: string }>('POST', `/api/units/${first.id}/hearings`, 201, { token: cityInspector, body: { year: year - 1, scheduledAt: `${year}-03-20T09:00:00+08:00` } });
  const comment = (kind: 'question' | 'comment', text: string) =>
    api.expect<{ commentId: string }>('POST', `/api/units/${first.id}/hearings/${hearing.hearingId}/comments`, 201, { token: cityInspector, body: { kind, memberName: member, text } });
  await comment('question', '对乡镇党委落实主体责任的督导是如何开展的？');
  const supervision = await comment('comment', '对下级党组织履责情况的督导检查不够经常，需建立定期督查机制。');
  const talks = await comment('comment', '廉政谈话覆盖面不足，部分班子成员未与分管部门负责人开展谈话。');
  const open = (commentId: string, action: string, dueDate: string) =>
    api.expect<{ rectificationId: string }>('POST', `/api/units/${first.id}/hearings/${hearing.hearingId}/comments/${commentId}/rectifications`, 201, { token: cityInspector, body: { action, dueDate } });
  const closed = await open(supervision.commentId, '建立乡镇党委履责季度督查制度并落实', `${year}-06-30`);
  await open(talks.commentId, '班子成员与分管部门负责人廉政谈话全覆盖', `${year}-09-30`);
  const countyStaff = await token('unit_staff', first.id);
  await api.expect('POST', `/api/units/${first.id}/rectifications/${closed.rectificationId}/evidence`, 200, { token: countyStaff, body: { note: '已印发季度督查制度，完成两轮督查', attachmentIds: [] } });
  await api.expect('POST', `/api/units/${first.id}/rectifications/${closed.rectificationId}/verify`, 200, { token: cityInspector, body: { decision: 'close' } });

  // Each county's key tasks, one per team member, with the lights of the quarters begun (up to three).
  const today = new Date(Date.now() + 8 * 3600_000);
  const quarters = Math.min(3, Math.floor(today.getUTCMonth() / 3) + 1);
  for (const [c, county] of counties.entries()) {
    const staff = await token('unit_staff', county.id);
    const members = (await posts(county.id)).filter((p) => p.role === 'teamMember');
    for (const [m, person] of members.entries()) {
      const task = await api.expect<{ taskId: string }>('POST', `/api/units/${county.id}/key-tasks`, 201, {
        token: staff,
        body: {
          year: taskYear,
          title: m === 0 ? '开展廉政风险点排查和防控' : '推进作风建设专项整治',
          responsiblePersonId: person.personId,
          leadOffice: m === 0 ? '县纪委监委' : '县委办公室',
          goal: m === 0 ? '重点岗位廉政风险点排查全覆盖' : '纠治“四风”问题见底清零',
          measures: '制定方案、逐项排查、按季督查、年底评估',
          milestones: [1, 2, 3, 4].map((q) => ({ date: `${taskYear}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}`, text: `第${q}季度节点任务` })),
        },
      });
      await api.expect('POST', `/api/units/${county.id}/key-tasks/${task.taskId}/progress`, 200, {
        token: staff,
        body: { note: m === 0 ? '已完成班子成员和重点岗位廉政风险点排查，建立台账并逐项制定防控措施。' : '开展“四风”问题专项检查两轮，发现问题已全部交办整改。', attachmentIds: [] },
      });
      for (let q = 1; q <= quarters; q++) {
        const light = lights[(c + m + q) % lights.length]!;
        await api.expect('POST', `/api/units/${county.id}/key-tasks/${task.taskId}/lights`, 200, { token: cityInspector, body: { quarter: q, light, reason: reasons[light] } });
      }
    }
  }
};
