/**
 * Demo data of the signing service for `npm start`: people in every post of 海城市's units, the
 * year's responsibility lists published, and the letters issued — those of the city and of its
 * counties signed by both parties, the departments' half signed, the towns' waiting. Driven through
 * the API like everything else; skipped when the city already has a secretary.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { HttpClient } from './support/httpClient.js';
import { pool } from './support/pool.js';
import { signingFlow, type LetterAnswer, type Staffed } from './support/signingFlow.js';

interface DemoUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const givenNames = ['建国', '海燕', '志强', '秀英', '文博', '丽华', '国栋', '晓东', '春梅', '明辉', '立新', '红霞', '振华', '雪梅', '伟民'];
/** Units seeded at once. */
const demoConcurrency = 4;
const areas = [['财政', '审计'], ['教育', '卫生健康'], ['农业农村', '水利'], ['自然资源', '住房城乡建设'], ['民政', '人力资源社会保障']];

/** Staffs, lists and issues for every unit, parents first; signs as described in the module comment. */
export const seedSigning = async (api: HttpClient, runtime: Runtime, units: readonly DemoUnit[], year: number): Promise<{ letters: number; signed: number } | undefined> => {
  const flow = signingFlow(api, runtime.keys);
  const admin = await signToken(runtime.keys, 'admin');
  const city = units.find((u) => u.parentId === null);
  if (!city) return undefined;
  const posts = await api.expect<{ posts: unknown[] }>('GET', `/api/units/${city.id}/posts`, 200, { token: admin });
  if (posts.posts.length > 0) return undefined;

  let n = 0;
  const person = () => {
    const name = `${surnames[n % surnames.length]}${givenNames[Math.floor(n / surnames.length + n) % givenNames.length]}`;
    n++;
    return name;
  };
  // Units are independent until letters are issued (a committee letter needs the upper secretary):
  // staff them and publish their lists a few at a time.
  const staffed = new Map<string, Staffed>();
  await pool(units, demoConcurrency, async (unit) => {
    const members = unit.parentId === null ? 4 : 2;
    const staffing = { secretary: person(), members: Array.from({ length: members }, (_, i) => ({ name: person(), areas: areas[(i + n) % areas.length]! })), disciplineChief: person() };
    const staff = await flow.staff(unit.id, staffing, `${year - 1}-01-05`);
    staffed.set(unit.id, staff);
    await flow.publishLists(staff, year, unit.parentId !== null);
  });

  let letters = 0;
  let signed = 0;
  const holder = (personId: string) => [...staffed.values()].flatMap((s) => [s.secretary, ...s.members, ...(s.disciplineChief ? [s.disciplineChief] : [])]).find((h) => h.personId === personId)!;
  const sign = async (letter: LetterAnswer, parties: ReadonlyArray<'issuer' | 'recipient'>) => {
    for (const party of parties) {
      const answer = await flow.sign(letter, holder(letter[party].personId));
      if (answer.status === 200) signed++;
    }
  };
  // Each unit's letters go on its own chain, so units are signed side by side, each in turn.
  await pool(units, demoConcurrency, async (unit) => {
    const { issued } = await flow.issue(unit.id, year, admin);
    letters += issued.length;
    const isCounty = unit.parentId === city.id && units.some((u) => u.parentId === unit.id);
    const isDepartment = unit.parentId === city.id && !isCounty;
    for (const [index, letter] of issued.entries()) {
      if (unit.parentId === null || isCounty) await sign(letter, ['issuer', 'recipient']);
      else if (isDepartment) await sign(letter, index % 2 === 0 ? ['issuer', 'recipient'] : ['issuer']);
    }
  });
  return { letters, signed };
};
