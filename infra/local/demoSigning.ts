/**
 * Demo data of the signing service for `npm start`: people in every post of 海城市's units, the
 * year's responsibility lists published, and the letters issued — those of the city and of its
 * counties signed by both parties, the departments' half signed, the towns' waiting; and three
 * risk posts in a department, one of whose holders has signed the pledge. Driven through the API
 * like everything else; skipped when the city already has a secretary.
 */
import type { Runtime } from './runtime.js';
import { demoCity } from './demo.js';
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
export const seedSigning = async (api: HttpClient, runtime: Runtime, tree: readonly DemoUnit[], year: number): Promise<{ letters: number; signed: number } | undefined> => {
  const flow = signingFlow(api, runtime.keys);
  const admin = await signToken(runtime.keys, 'admin');
  const city = tree.find((u) => u.parentId === null && u.name === demoCity);
  if (!city) return undefined;
  // Only the demo city and the units below it: other units of the tree are someone else's.
  const units = [city, ...tree.filter((u) => u.parentId === city.id), ...tree.filter((u) => tree.some((p) => p.parentId === city.id && p.id === u.parentId))];
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
    // The city also has a full-time deputy secretary: one of the four who hold a joint talk.
    const staffing = {
      secretary: person(),
      ...(unit.parentId === null ? { deputySecretary: person() } : {}),
      members: Array.from({ length: members }, (_, i) => ({ name: person(), areas: areas[(i + n) % areas.length]! })),
      disciplineChief: person(),
    };
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
  // A few integrity-risk posts in the first department, graded by the rule; one pledge signed.
  const department = units.find((u) => u.parentId === city.id && !units.some((c) => c.parentId === u.id));
  const staff = department ? staffed.get(department.id) : undefined;
  if (department && staff) {
    const area = (await api.expect<{ posts: Array<{ portfolio: { areas: string[] } }> }>('GET', `/api/units/${department.id}/posts`, 200, { token: admin })).posts.flatMap((p) => p.portfolio.areas)[0] ?? '财政';
    const grade = (body: Record<string, unknown>) =>
      api.expect<{ pledge: { pledgeId: string; holder: { personId: string } } | null }>('POST', `/api/units/${department.id}/risk-posts`, 201, { token: admin, body });
    const first = await grade({ name: '项目审批科科长', area, level: 1, holder: { name: person() }, servingSince: `${year - 5}-03-01` });
    await grade({ name: '资金拨付岗', area, level: 2, holder: { name: person() }, servingSince: `${year - 2}-07-01` });
    await grade({ name: '档案管理岗', area, level: 3, holder: { name: person() }, servingSince: `${year - 1}-09-01`, supervisor: { name: person() } });
    if (first.pledge) {
      const holderToken = await signToken(runtime.keys, 'unit_staff', department.id, first.pledge.holder.personId);
      await api.expect('POST', `/api/pledges/${first.pledge.pledgeId}/sign`, 200, { token: holderToken, body: { version: 1 } });
    }
  }
  return { letters, signed };
};
