/**
 * The demo data of `npm start`, seeded through the API on the real broker and DynamoDB Local: a
 * year of people, lists and letters for 海城市, some signed and some pending; reports in every state,
 * a hearing with its rectification items and key tasks with their lights; talks of every kind, a
 * joint talk at each step, warning notices replied and overdue, education ledgers; accountability
 * cases at each stage, a ban that rejects a later appointment; nothing added twice.
 */
import type { Runtime } from '../../runtime.js';
import { seedDemo, demoCity } from '../../demo.js';
import { demoHearingCounty, demoReportStates } from '../../demoReports.js';
import { demoComplaintFacts } from '../../demoDisclosure.js';
import { api, eventually, startTestRuntime, tokenFor } from '../support/harness.js';

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

interface Level {
  level: number;
  units: number;
  issued: number;
  completed: number;
  pending: number;
}

it('seeds people in every post and a year of letters, the city’s and counties’ signed and the towns’ pending, once', async () => {
  // Act
  const units = await seedDemo(runtime, 2025, 2026);
  const again = await seedDemo(runtime, 2025, 2026);

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const admin = await tokenFor(runtime, 'admin');
  const cityPosts = (await api<{ posts: Array<{ role: string }> }>(runtime, 'GET', `/api/units/${city.id}/posts`, { token: admin })).body.posts;
  expect(cityPosts.map((p) => p.role).sort()).toEqual(['deputySecretary', 'disciplineChief', 'secretary', 'teamMember', 'teamMember', 'teamMember', 'teamMember']);
  expect(again.length).toBe(units.length);
  const secretary = await tokenFor(runtime, 'unit_secretary', city.id);
  const levels = (await api<{ levels: Level[] }>(runtime, 'GET', '/api/signing/coverage?year=2026', { token: secretary })).body.levels;
  // The city: 6 member letters (the deputy secretary's among them), all signed. Counties and departments: some pending. Towns: none signed.
  expect(levels[0]).toMatchObject({ level: 0, units: 1, issued: 6, completed: 6, pending: 0 });
  expect(levels[1]!.completed).toBeGreaterThan(0);
  expect(levels[1]!.pending).toBeGreaterThan(0);
  expect(levels[2]).toMatchObject({ level: 2, completed: 0 });
  expect(levels[2]!.issued).toBeGreaterThan(0);
  const verdict = (await api<{ valid: boolean; signatures: number }>(runtime, 'GET', `/api/units/${city.id}/signatures/verify?year=2026`, { token: secretary })).body;
  expect(verdict).toEqual(expect.objectContaining({ valid: true, signatures: 12 }));
  // Other tests' units share the table; only the city's departments count here.
  const departments = units.filter((u) => u.parentId === city.id);
  const withRisks = await Promise.all(departments.map(async (u) => (await api<{ riskPosts: Array<{ level: number }> }>(runtime, 'GET', `/api/units/${u.id}/risk-posts`, { token: admin })).body.riskPosts));
  expect(withRisks.flat().map((r) => r.level).sort()).toEqual([1, 2, 3]);
});

it('seeds reports in every state, a hearing whose comments opened rectification items, and key tasks with three quarters of lights', async () => {
  // Act: the demo as the first test left it (seeding is idempotent)
  const units = await seedDemo(runtime, 2025, 2026);

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const inspector = await tokenFor(runtime, 'discipline_inspector', city.id);
  const children = units.filter((u) => u.parentId === city.id);
  const counties = children.filter((u) => units.some((c) => c.parentId === u.id));
  const child = (name: string) => children.find((u) => u.name === name)!;
  const hearingCounty = child(demoHearingCounty);
  const status = async (unitId: string, year: number) => (await api<{ status: string; report: { late?: boolean } | null }>(runtime, 'GET', `/api/units/${unitId}/annual-reports/${year}`, { token: inspector })).body;
  const states = [demoReportStates.accepted, demoReportStates.submitted, demoReportStates.returned];
  expect(await Promise.all(states.map(async (name) => [name, (await status(child(name).id, 2025)).status]))).toEqual([
    [demoReportStates.accepted, 'accepted'],
    [demoReportStates.submitted, 'submitted'],
    [demoReportStates.returned, 'returned'],
  ]);
  expect(await status(child(demoReportStates.late).id, 2024)).toMatchObject({ status: 'submitted', report: { late: true } });
  expect((await status(hearingCounty.id, 2025)).status).toBe('draft');
  expect((await status(child(demoReportStates.missing).id, 2025)).status).toBe('notStarted');
  const minutes = (await api<{ hearings: Array<{ comments: Array<{ kind: string; rectificationIds: string[] }> }> }>(runtime, 'GET', `/api/units/${hearingCounty.id}/hearings?year=2024`, { token: inspector })).body.hearings;
  expect(minutes).toHaveLength(1);
  expect(minutes[0]!.comments.map((c) => [c.kind, c.rectificationIds.length])).toEqual([['question', 0], ['comment', 1], ['comment', 1]]);
  // The hearing's items (a patrol or an assessment of the demo may ask the county for others).
  const rectifications = (await api<{ rectifications: Array<{ status: string; overdue: boolean; source: { kind: string } }> }>(runtime, 'GET', `/api/units/${hearingCounty.id}/rectifications`, { token: inspector })).body.rectifications.filter(
    (r) => r.source.kind === 'hearing',
  );
  expect(rectifications.map((r) => [r.status, r.overdue]).sort()).toEqual([['closed', false], ['open', true]]);
  const quarter = Math.min(3, Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1);
  for (const county of counties) {
    const tasks = (await api<{ tasks: Array<{ lights: Record<string, string> }> }>(runtime, 'GET', `/api/units/${county.id}/key-tasks?year=2026`, { token: inspector })).body.tasks;
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(Object.keys(task.lights)).toEqual(Array.from({ length: quarter }, (_, i) => String(i + 1)));
  }
});

it('seeds talks of every kind, a joint talk at each step of its procedure, warning notices replied and overdue, and education ledgers', async () => {
  // Act: as `npm start` does, the engine run once for the day after tomorrow.
  const units = await seedDemo(runtime, 2025, 2026, { overdueRun: true });

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const admin = await tokenFor(runtime, 'admin');
  const chief = (await api<{ posts: Array<{ personId: string; role: string }> }>(runtime, 'GET', `/api/units/${city.id}/posts`, { token: admin })).body.posts.find((p) => p.role === 'disciplineChief')!;
  const commission = await tokenFor(runtime, 'discipline_inspector', city.id, chief.personId);
  const below = units.filter((u) => u.parentId === city.id || units.some((p) => p.parentId === city.id && p.id === u.parentId));
  // The demo's dates are around today: the talks of this year and the last.
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const ofUnits = async <T>(route: string, key: string) =>
    (
      await Promise.all(
        below.flatMap((u) => [thisYear - 1, thisYear].map(async (y) => (await api<Record<string, T[]>>(runtime, 'GET', `/api/units/${u.id}/${route}?year=${y}`, { token: commission })).body[key] ?? [])),
      )
    ).flat();
  const talks = await ofUnits<{ kind: string; status: string; next: { step: string } | null }>('talks', 'talks');
  expect(new Set(talks.map((t) => t.kind))).toEqual(new Set(['integrity', 'reminder', 'warning', 'joint', 'admonishment']));
  const joint = talks.filter((t) => t.kind === 'joint');
  expect(joint.map((t) => (t.status === 'held' ? `held/${t.next!.step}` : t.status)).sort()).toEqual(['approved', 'held/报送整改方案', 'held/表态', 'proposed', 'rectifying']);
  const notices = await ofUnits<{ status: string; overdue: boolean }>('warning-notices', 'notices');
  expect(notices.map((n) => `${n.status}${n.overdue ? '/overdue' : ''}`).sort()).toEqual(['accepted', 'issued/overdue', 'replied']);
  // The sums follow the service's own topic.
  const sums = await eventually(
    async () => {
      const { total } = (await api<{ total: { planFiled: number; sessions: number; trainings: number } }>(runtime, 'GET', `/api/units/${city.id}/ledger-sums?year=2026`, { token: commission })).body;
      return total.trainings === 2 ? total : undefined;
    },
    30_000,
    'the ledger sums',
  );
  expect(sums).toMatchObject({ planFiled: 2, sessions: 4, trainings: 2 });
});

it('seeds accountability cases at each stage, one with a ban that rejects a later appointment, an exemption with its clarification notice, and a gift', async () => {
  // Act
  const units = await seedDemo(runtime, 2025, 2026);

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const admin = await tokenFor(runtime, 'admin');
  const chief = (await api<{ posts: Array<{ personId: string; role: string }> }>(runtime, 'GET', `/api/units/${city.id}/posts`, { token: admin })).body.posts.find((p) => p.role === 'disciplineChief')!;
  const commission = await tokenFor(runtime, 'discipline_inspector', city.id, chief.personId);
  const below = units.filter((u) => u.parentId === city.id || units.some((p) => p.parentId === city.id && p.id === u.parentId));
  // The demo's cases opened 40 days ago: this year's or the last.
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  type Case = { caseId: string; unitId: string; status: string; outcome: string | null; handlingUnitId: string; person: { personId: string }; measures: Array<{ kind: string }> };
  const cases = (
    await Promise.all(below.flatMap((u) => [thisYear - 1, thisYear].map(async (y) => (await api<{ cases: Case[] }>(runtime, 'GET', `/api/units/${u.id}/cases?year=${y}`, { token: commission })).body.cases)))
  ).flat();
  expect(cases.map((c) => `${c.status}${c.outcome ? `/${c.outcome}` : ''}`).sort()).toEqual(['closed/accountable', 'closed/exempted', 'decided', 'open', 'open', 'reopened']);
  // The escalated one is a town's, handled by the city.
  expect(cases.filter((c) => c.handlingUnitId === city.id && units.find((u) => u.id === c.unitId)!.parentId !== city.id)).toHaveLength(1);
  // The removed cadre's file holds the ban and the rejected opinion.
  const removed = cases.find((c) => c.measures.some((m) => m.kind === 'removal'))!;
  const file = await eventually(
    async () => {
      const f = (await api<{ entries: Array<{ category: string; summary: string }>; activeBans: unknown[] }>(runtime, 'GET', `/api/units/${removed.unitId}/people/${removed.person.personId}/integrity-file`, { token: commission })).body;
      return f.entries.some((e) => e.category === 'opinion') ? f : undefined;
    },
    30_000,
    'the opinion in the file',
  );
  expect(file.activeBans).toHaveLength(1);
  expect(file.entries.find((e) => e.category === 'opinion')!.summary).toBe('拟任市直部门主要负责人的廉政意见：不同意');
  // Two patrols, the year's assessment of the counties published with a feedback sheet, a situation report endorsed.
  const patrols = (await api<{ patrols: Array<{ kind: string; findings: unknown[] }> }>(runtime, 'GET', `/api/units/${city.id}/patrols?year=${thisYear}`, { token: commission })).body.patrols;
  expect(patrols.map((p) => p.kind).sort()).toEqual(['routine', 'specialised']);
  const { assessments } = (await api<{ assessments: Array<{ assessmentId: string; status: string }> }>(runtime, 'GET', `/api/units/${city.id}/assessments?year=${thisYear}`, { token: commission })).body;
  expect(assessments.map((a) => a.status)).toEqual(['published']);
  const sheet = (await api<{ sheets: Array<{ rank: number; feedbackSheetId: string | null }> }>(runtime, 'GET', `/api/assessments/${assessments[0]!.assessmentId}`, { token: commission })).body.sheets;
  expect(sheet.filter((s) => s.feedbackSheetId !== null).map((s) => s.rank)).toEqual([Math.max(...sheet.map((s) => s.rank))]);
});

it('seeds public complaints in every state, one about a county’s discipline body handled by the city’s, and live figures that count them', async () => {
  // Act
  const units = await seedDemo(runtime, 2025, 2026);

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const tree = units.filter((u) => u.id === city.id || u.parentId === city.id || units.some((p) => p.parentId === city.id && p.id === u.parentId));
  // The demo's complaints, by what they say: the fuzz test's public run may file others about the demo's units.
  type Complaint = { complaintId: string; status: string; raised: boolean; facts: string; rating: string | null };
  const handled = (
    await Promise.all(
      tree.map(async (u) => {
        const token = await tokenFor(runtime, 'discipline_inspector', u.id, `demo-discipline_inspector-${u.id}`);
        const listed = (await api<{ complaints: Complaint[] }>(runtime, 'GET', `/api/units/${u.id}/complaints`, { token })).body.complaints;
        return Promise.all(listed.map(async (c) => (await api<Complaint>(runtime, 'GET', `/api/complaints/${c.complaintId}`, { token })).body));
      }),
    )
  )
    .flat()
    .filter((c) => (demoComplaintFacts as readonly string[]).includes(c.facts));
  expect(handled.map((c) => c.status).sort()).toEqual(['accepted', 'answered', 'answered', 'received', 'referred']);
  expect(handled.filter((c) => c.raised)).toEqual([expect.objectContaining({ status: 'referred', facts: demoComplaintFacts[4] })]);
  expect(handled.map((c) => c.rating).filter(Boolean).sort()).toEqual(['basicallySatisfied', 'satisfied']);
  // The figures are counted from the topic: they reach the demo's counts a moment after it is seeded.
  const figures = await eventually(
    async () => {
      const f = (await api<{ received: number; handled: number; rated: number }>(runtime, 'GET', `/api/public/complaint-figures?unitId=${city.id}`)).body;
      return f.received >= 5 && f.handled >= 3 && f.rated >= 2 ? f : undefined;
    },
    30_000,
    'the figures to count the demo’s complaints',
  );
  expect(figures.received - figures.handled).toBeGreaterThanOrEqual(2);
});

it('publishes the counties’ key tasks with their progress and lights, the ranking of the counties and one typical case, no name in full', async () => {
  // Act
  const units = await seedDemo(runtime, 2025, 2026);

  // Assess
  const city = units.find((u) => u.name === demoCity && u.parentId === null)!;
  const counties = units.filter((u) => u.parentId === city.id && units.some((t) => t.parentId === u.id));
  type Item = { kind: string; title: string; payload: Record<string, unknown> };
  const { items } = (await api<{ items: Item[] }>(runtime, 'GET', `/api/public/items?unitId=${city.id}`)).body;
  expect([...new Set(items.map((i) => i.kind))]).toEqual(expect.arrayContaining(['keyTask', 'keyTaskProgress', 'keyTaskLight', 'ranking', 'typicalCase']));
  const typical = items.filter((i) => i.kind === 'typicalCase');
  expect(typical).toHaveLength(1);
  expect(typical[0]!.payload.summary).toMatch(/^[^\s]{1,2}某在工程项目招投标中违规干预/);
  expect(items.find((i) => i.kind === 'ranking')!.payload.ranking).toHaveLength(counties.length);
  const admin = await tokenFor(runtime, 'admin');
  const names = (await Promise.all(counties.map(async (c) => (await api<{ posts: Array<{ name: string }> }>(runtime, 'GET', `/api/units/${c.id}/posts`, { token: admin })).body.posts))).flat().map((p) => p.name);
  const published = JSON.stringify(items);
  expect(names.filter((n) => published.includes(n))).toEqual([]);
  // The last county's newest item waits for its discipline body's review.
  const last = counties[counties.length - 1]!;
  const reviewer = await tokenFor(runtime, 'discipline_inspector', last.id, `demo-discipline_inspector-${last.id}`);
  const queue = (await api<{ items: Array<{ status: string }> }>(runtime, 'GET', `/api/units/${last.id}/publication-items?status=proposed`, { token: reviewer })).body.items;
  expect(queue).toHaveLength(1);
});
