/**
 * The demo data of `npm start`, seeded through the API on the real broker and DynamoDB Local: a
 * year of people, lists and letters for 海城市, some signed and some pending, and nothing added twice.
 */
import type { Runtime } from '../../runtime.js';
import { seedDemo, demoCity } from '../../demo.js';
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
