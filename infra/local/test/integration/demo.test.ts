/**
 * The demo data of `npm start`, seeded through the API on the real broker and DynamoDB Local: a
 * year of people, lists and letters for 海城市, some signed and some pending; reports in every state,
 * a hearing with its rectification items and key tasks with their lights; nothing added twice.
 */
import type { Runtime } from '../../runtime.js';
import { seedDemo, demoCity } from '../../demo.js';
import { demoHearingCounty, demoReportStates } from '../../demoReports.js';
import { api, startTestRuntime, tokenFor } from '../support/harness.js';

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
  expect(cityPosts.map((p) => p.role).sort()).toEqual(['disciplineChief', 'secretary', 'teamMember', 'teamMember', 'teamMember', 'teamMember']);
  expect(again.length).toBe(units.length);
  const secretary = await tokenFor(runtime, 'unit_secretary', city.id);
  const levels = (await api<{ levels: Level[] }>(runtime, 'GET', '/api/signing/coverage?year=2026', { token: secretary })).body.levels;
  // The city: 5 member letters, all signed. Counties and departments: some pending. Towns: none signed.
  expect(levels[0]).toMatchObject({ level: 0, units: 1, issued: 5, completed: 5, pending: 0 });
  expect(levels[1]!.completed).toBeGreaterThan(0);
  expect(levels[1]!.pending).toBeGreaterThan(0);
  expect(levels[2]).toMatchObject({ level: 2, completed: 0 });
  expect(levels[2]!.issued).toBeGreaterThan(0);
  const verdict = (await api<{ valid: boolean; signatures: number }>(runtime, 'GET', `/api/units/${city.id}/signatures/verify?year=2026`, { token: secretary })).body;
  expect(verdict).toEqual(expect.objectContaining({ valid: true, signatures: 10 }));
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
  const rectifications = (await api<{ rectifications: Array<{ status: string; overdue: boolean }> }>(runtime, 'GET', `/api/units/${hearingCounty.id}/rectifications`, { token: inspector })).body.rectifications;
  expect(rectifications.map((r) => [r.status, r.overdue]).sort()).toEqual([['closed', false], ['open', true]]);
  const quarter = Math.min(3, Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1);
  for (const county of counties) {
    const tasks = (await api<{ tasks: Array<{ lights: Record<string, string> }> }>(runtime, 'GET', `/api/units/${county.id}/key-tasks?year=2026`, { token: inspector })).body.tasks;
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(Object.keys(task.lights)).toEqual(Array.from({ length: quarter }, (_, i) => String(i + 1)));
  }
});
