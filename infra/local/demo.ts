/**
 * Demo data for `npm start`: a city, its counties (two towns each) and departments, registered
 * through the API like any client would, and a few annual reports so that the dashboard has
 * something to show. Runs once: when the city exists, nothing is added.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';

interface DemoUnit {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly parentId: string | null;
}

export const demoCity = '海城市';
const counties = ['东湖县', '西山县', '南岭区'];
const towns = ['城关镇', '青石镇'];
const departments = ['市发展和改革委员会', '市教育局', '市财政局', '市公安局', '市卫生健康委员会'];

const call = async (runtime: Runtime, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as unknown;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
};

/** Registers the demo units unless they exist; gives every unit in the tree. */
export const seedDemo = async (runtime: Runtime, reportYear: number): Promise<DemoUnit[]> => {
  const admin = await signToken(runtime.keys, 'admin');
  const list = async () => ((await call(runtime, admin, 'GET', '/api/units')) as { units: DemoUnit[] }).units;
  if ((await list()).some((u) => u.name === demoCity && u.parentId === null)) return list();

  const register = async (name: string, category: string, parentId?: string) =>
    (await call(runtime, admin, 'POST', '/api/units', { name, category, ...(parentId ? { parentId } : {}) })) as DemoUnit;
  const city = await register(demoCity, '市委');
  const countyUnits: DemoUnit[] = [];
  for (const county of counties) {
    const unit = await register(county, '县（市、区）委', city.id);
    countyUnits.push(unit);
    for (const town of towns) await register(`${county}${town}`, '乡镇（街道）党委', unit.id);
  }
  const departmentUnits: DemoUnit[] = [];
  for (const department of departments) departmentUnits.push(await register(department, '市直部门党组', city.id));

  // Reports: the first two departments submit, the first county saves a draft.
  const writeReport = async (unit: DemoUnit, submit: boolean) => {
    const token = await signToken(runtime.keys, 'unit_secretary', unit.id, `demo-secretary-${unit.id}`);
    const body = {
      summary: `${unit.name}${reportYear}年度履行党风廉政建设主体责任情况报告`,
      sections: [
        { title: '履行主体责任情况', content: '召开专题会议研究部署党风廉政建设工作，逐级签订责任书。' },
        { title: '第一责任人履职情况', content: '带头落实一岗双责，开展廉政谈话。' },
      ],
    };
    // The reports service learns of new units from signing.events; wait until it has.
    for (let attempt = 0; ; attempt++) {
      try {
        await call(runtime, token, 'PUT', `/api/units/${unit.id}/annual-reports/${reportYear}`, body);
        break;
      } catch (error) {
        if (attempt > 100 || !String(error).includes('→ 404')) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (submit) await call(runtime, token, 'POST', `/api/units/${unit.id}/annual-reports/${reportYear}/submit`);
  };
  await writeReport(departmentUnits[0]!, true);
  await writeReport(departmentUnits[1]!, true);
  await writeReport(countyUnits[0]!, false);
  return list();
};
