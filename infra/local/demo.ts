/**
 * Demo data for `npm start`: a city, its counties (two towns each) and departments, registered
 * through the API like any client would; people, lists and letters (`demoSigning.ts`); and the
 * annual cycle of reports, hearings, rectification and key tasks (`demoReports.ts`). Runs once:
 * what exists is not added again.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import { httpClient, type HttpClient } from './support/httpClient.js';
import { seedSigning } from './demoSigning.js';
import { seedReports } from './demoReports.js';
import { seedInterviews } from './demoInterviews.js';
import { seedInspections } from './demoInspections.js';
import { seedDisclosure } from './demoDisclosure.js';

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

/** Registers the units, through `api`. */
const seed = async (api: HttpClient, runtime: Runtime): Promise<DemoUnit[]> => {
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

  return list();
};

/**
 * Registers the demo units unless they exist, then the year's people, lists and letters unless the
 * city has them (`seedSigning`), then the reports unless they exist (`seedReports`); gives every
 * unit in the tree.
 */
export const seedDemo = async (runtime: Runtime, reportYear: number, signingYear: number, options: { readonly overdueRun?: boolean } = {}): Promise<DemoUnit[]> => {
  const api = httpClient(runtime.url);
  try {
    const units = await seed(api, runtime);
    await seedSigning(api, runtime, units, signingYear);
    const city = units.find((u) => u.parentId === null && u.name === demoCity);
    if (city) await seedReports(api, runtime, units, city.id, reportYear, signingYear);
    if (city) await seedInterviews(api, runtime, units, city.id, signingYear, options);
    if (city) await seedInspections(api, runtime, units, city.id);
    if (city) await seedDisclosure(api, runtime, units, city.id);
    return units;
  } finally {
    api.close();
  }
};
