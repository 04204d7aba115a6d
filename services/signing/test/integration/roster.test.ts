/**
 * Importing a roster through the gateway on the real broker and DynamoDB Local: a file with bad rows
 * imports nothing and names them; a good one imports its units and posts once, and again changes
 * nothing; an Excel workbook reads as its CSV does.
 */
import ExcelJS from 'exceljs';
import type { Runtime } from '#infra/local/runtime.js';
import { api, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';

let runtime: Runtime;
const suffix = Date.now().toString(36);

beforeAll(async () => {
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const header = '单位名称,上级单位,单位类别,姓名,人员编号,职务类型,职务名称,分管领域,任职日期';
const goodRows = (tag: string) => [
  `${tag}镇,,乡镇（街道）党委,${tag}书记,,书记,党委书记,,2026-01-05`,
  `${tag}镇,,,${tag}委员,,班子成员,党委委员,财政、教育,2026-01-05`,
  `${tag}镇,,,${tag}纪委书记,,纪委书记,纪委书记,,2026-01-05`,
  `${tag}村,${tag}镇,村（社区）党支部,${tag}支书,,书记,支部书记,,2026-01-05`,
];

interface Result {
  units: number;
  posts: number;
  unchanged: number;
  report: Array<{ row: number; status: string }>;
}

const unitNames = async (token: string) => (await api<{ units: Array<{ name: string }> }>(runtime, 'GET', '/api/units', { token })).body.units.map((u) => u.name);

it('imports nothing from a CSV with 3 bad rows, and names the 3 rows', async () => {
  // Prepare
  const county = await registerUnit(runtime, `导入县甲-${suffix}`);
  const admin = await tokenFor(runtime, 'admin', county);
  const rows = [...goodRows('甲'), '乙镇,,,乙书记,,书记,党委书记,,2026-01-05', '甲镇,,,甲二书记,,书记,党委书记,,2026-01-05', '丙镇,,乡镇（街道）党委,丙书记,,书记,党委书记,,2026-13-01'];
  const content = [header, ...rows].join('\n');

  // Act
  const answer = await api<{ status: number; errors: Array<{ path: string; message: string }> }>(runtime, 'POST', `/api/units/${county}/roster-imports`, { token: admin, body: { format: 'csv', content } });

  // Assess
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e) => e.path)).toEqual(['第6行', '第7行', '第8行']);
  expect(answer.body.errors.map((e) => e.message)).toEqual(['新单位须填写单位类别', '该单位已有在任书记', '任职日期“2026-13-01”不是有效日期（YYYY-MM-DD）']);
  expect((await unitNames(admin)).filter((n) => n.endsWith('镇') || n.endsWith('村'))).toEqual([]);
});

it('imports a good CSV once: the same file again changes nothing', async () => {
  // Prepare
  const county = await registerUnit(runtime, `导入县乙-${suffix}`);
  const admin = await tokenFor(runtime, 'admin', county);
  const content = `\uFEFF${[header, ...goodRows('丁')].join('\r\n')}\r\n`;

  // Act
  const first = await api<Result>(runtime, 'POST', `/api/units/${county}/roster-imports`, { token: admin, body: { format: 'csv', content } });
  const second = await api<Result>(runtime, 'POST', `/api/units/${county}/roster-imports`, { token: admin, body: { format: 'csv', content } });

  // Assess
  expect(first.body).toMatchObject({ units: 2, posts: 4, unchanged: 0 });
  expect(second.body).toMatchObject({ units: 0, posts: 0, unchanged: 4 });
  expect((await unitNames(admin)).sort()).toEqual([`导入县乙-${suffix}`, '丁村', '丁镇'].sort());
  const town = (await api<{ units: Array<{ id: string; name: string }> }>(runtime, 'GET', '/api/units', { token: admin })).body.units.find((u) => u.name === '丁镇')!;
  const posts = (await api<{ posts: Array<{ name: string; role: string; portfolio: { areas: string[] } }> }>(runtime, 'GET', `/api/units/${town.id}/posts`, { token: admin })).body.posts;
  expect(posts.map((p) => [p.name, p.role, p.portfolio.areas])).toEqual([
    ['丁书记', 'secretary', []],
    ['丁委员', 'teamMember', ['财政', '教育']],
    ['丁纪委书记', 'disciplineChief', []],
  ]);
});

it('reads an Excel workbook as its CSV, date cells included', async () => {
  // Prepare
  const county = await registerUnit(runtime, `导入县丙-${suffix}`);
  const admin = await tokenFor(runtime, 'admin', county);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(header.split(','));
  sheet.addRow(['戊镇', '', '乡镇（街道）党委', '戊书记', '', '书记', '党委书记', '', new Date(Date.UTC(2026, 0, 5))]);
  const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

  // Act
  const answer = await api<Result>(runtime, 'POST', `/api/units/${county}/roster-imports`, { token: admin, body: { format: 'xlsx', content } });

  // Assess
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ units: 1, posts: 1 });
});
