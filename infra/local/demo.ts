/**
 * Demo data for `npm start`: a city, its counties (two towns each) and departments, registered
 * through the API like any client would, a few annual reports so that the dashboard has something
 * to show, and people, lists and letters (`demoSigning.ts`). Runs once: what exists is not added
 * again.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import { httpClient, UnexpectedStatusError, type HttpClient } from './support/httpClient.js';
import { eventually } from './support/eventually.js';
import { seedSigning } from './demoSigning.js';

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

/** Registers the units and writes the reports, through `api`. */
const seed = async (api: HttpClient, runtime: Runtime, reportYear: number): Promise<DemoUnit[]> => {
  const admin = await signToken(runtime.keys, 'admin');
  const list = async () => (await api.expect<{ units: DemoUnit[] }>('GET', '/api/units', 200, { token: admin })).units;
  if ((await list()).some((u) => u.name === demoCity && u.parentId === null)) return list();

  const register = (name: string, category: string, parentId?: string) =>
    api.expect<DemoUnit>('POST', '/api/units', 201, { token: admin, body: { name, category, ...(parentId ? { parentId } : {}) } });
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
    const draftPath = `/api/units/${unit.id}/annual-reports/${reportYear}`;
    await eventually(
      async () => {
        const answer = await api.request('PUT', draftPath, { token, body });
        // A unit the service has not heard of yet is out of reach (403) until it has.
        if (answer.status === 403 || answer.status === 404) return undefined;
        if (answer.status !== 200) throw new UnexpectedStatusError('PUT', draftPath, 200, answer);
        return answer;
      },
      10_000,
      `the reports service to know ${unit.name}`,
      100,
    );
    if (submit) await api.expect('POST', `/api/units/${unit.id}/annual-reports/${reportYear}/submit`, 200, { token });
  };
  await writeReport(departmentUnits[0]!, true);
  await writeReport(departmentUnits[1]!, true);
  await writeReport(countyUnits[0]!, false);
  return list();
};

/**
 * Registers the demo units unless they exist, then the year's people, lists and letters unless the
 * city has them (`seedSigning`); gives every unit in the tree.
 */
export const seedDemo = async (runtime: Runtime, reportYear: number, signingYear: number): Promise<DemoUnit[]> => {
  const api = httpClient(runtime.url);
  try {
    const units = await seed(api, runtime, reportYear);
    await seedSigning(api, runtime, units, signingYear);
    return units;
  } finally {
    api.close();
  }
};
