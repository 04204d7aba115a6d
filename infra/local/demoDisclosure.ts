/**
 * Demo data of the disclosure service for `npm start`: public complaints about the city's units in
 * every state (received, accepted, answered and rated, referred to a case, one about a county's
 * discipline body handled by the city's), filed through the public route as anyone would, each from
 * a loopback address of its own so that the demo leaves the user's own limit per address untouched,
 * and handled by each unit's discipline body. Skipped when the city's units have complaints already.
 * Then what is published, approved by each reviewing body as its inspector would: the counties' key
 * tasks, their progress and lights (one light left for review), the city's ranking of the counties
 * and its typical case. Skipped when the city has published items already.
 */
import type { Runtime } from './runtime.js';
import { signToken } from './jwt.js';
import type { HttpClient } from './support/httpClient.js';
import { eventually } from './support/eventually.js';
import type { DemoUnit } from './demoReports.js';

interface Demo {
  readonly about: DemoUnit;
  readonly facts: string;
  readonly aboutDisciplineBody?: boolean;
  readonly contact?: Record<string, string>;
  /** What the handling body does, in order; a rating follows an answer. */
  readonly steps: ReadonlyArray<'accept' | 'answer' | 'refer' | 'rate'>;
}

/** What the demo's complaints say: received, accepted, answered after acceptance, answered at once, and referred (about a county's discipline body). */
export const demoComplaintFacts = [
  '镇政府某站所工作人员在工作日午间饮酒，下午上班时仍有酒气。',
  '该局办公室存在超标准配备办公用房问题，群众多次反映未见整改。',
  '村集体土地流转收益未按规定公开，村民无法查询收支明细。',
  '窗口单位办事人员态度生硬，办理业务推诿扯皮。',
  '县纪委对反映村干部优亲厚友的问题线索长期未予回复。',
] as const;

export const seedDisclosure = async (api: HttpClient, runtime: Runtime, tree: readonly DemoUnit[], cityId: string): Promise<void> => {
  const below = tree.filter((u) => u.parentId === cityId);
  const counties = below.filter((u) => tree.some((t) => t.parentId === u.id));
  const departments = below.filter((u) => !counties.includes(u));
  const towns = tree.filter((u) => counties.some((c) => c.id === u.parentId));
  if (counties.length < 3 || departments.length < 2 || towns.length < 2) return;
  const inspectorOf = (unitId: string) => signToken(runtime.keys, 'discipline_inspector', unitId, `demo-discipline_inspector-${unitId}`);
  const handledBy = async (unitId: string) =>
    (await api.expect<{ complaints: Array<{ complaintId: string; unitId: string }> }>('GET', `/api/units/${unitId}/complaints`, 200, { token: await inspectorOf(unitId) })).complaints;
  await seedPublication(api, inspectorOf, cityId, counties);
  if ((await handledBy(towns[0]!.id)).length > 0) return;

  const [received, accepted, answered, answeredDirectly, referred] = demoComplaintFacts;
  const demos: Demo[] = [
    { about: towns[0]!, facts: received, contact: { name: '王先生', phone: '13800000001' }, steps: [] },
    { about: departments[0]!, facts: accepted, steps: ['accept'] },
    { about: towns[1]!, facts: answered, contact: { phone: '13800000002' }, steps: ['accept', 'answer', 'rate'] },
    { about: departments[1]!, facts: answeredDirectly, steps: ['answer', 'rate'] },
    { about: counties[2]!, aboutDisciplineBody: true, facts: referred, steps: ['accept', 'refer'] },
  ];
  const answers = ['经核查，反映问题属实。已责令该村于一个月内完成收支公开，并对村务监督委员会主任进行提醒谈话。', '经核查，反映情况基本属实，已对相关工作人员进行批评教育，并在窗口推行首问负责制。'];
  for (const [index, demo] of demos.entries()) {
    const from = `127.0.9.${index + 1}`;
    // Until the disclosure service knows the unit (422), which reaches it on signing.events.
    const { receiptCode } = await eventually(
      async () => {
        const answer = await api.request('POST', '/api/public/complaints', { localAddress: from, body: { unitId: demo.about.id, aboutDisciplineBody: demo.aboutDisciplineBody ?? false, facts: demo.facts, ...(demo.contact ? { contact: demo.contact } : {}) } });
        if (answer.status === 201 || answer.status === 200) return answer.body as { receiptCode: string };
        if (answer.status !== 422) throw new Error(`POST /api/public/complaints: ${answer.status} ${answer.text}`);
        return undefined;
      },
      30_000,
      `a complaint about ${demo.about.name}`,
      200,
    );
    // A county's discipline body's complaint is handled by the city's.
    const handlingUnitId = demo.aboutDisciplineBody ? cityId : demo.about.id;
    const token = await inspectorOf(handlingUnitId);
    const complaint = (await handledBy(handlingUnitId)).find((c) => c.unitId === demo.about.id)!;
    const at = `/api/complaints/${complaint.complaintId}`;
    for (const step of demo.steps) {
      if (step === 'accept') await api.expect('POST', `${at}/accept`, 200, { token });
      if (step === 'answer') await api.expect('POST', `${at}/answer`, 200, { token, body: { answer: answers.shift()! } });
      if (step === 'refer') await api.expect('POST', `${at}/refer`, 200, { token, body: { to: 'case', note: '反映问题线索具体，转立案审查。' } });
      if (step === 'rate') await api.expect('POST', '/api/public/complaints/rating', 200, { localAddress: from, body: { receiptCode, rating: index === 2 ? 'satisfied' : 'basicallySatisfied' } });
    }
  }
};

type ReviewItem = { itemId: string; kind: string; status: string };

/** The reviewing bodies approve what the demo's reports and inspections proposed; the last county's last light waits for review. */
const seedPublication = async (api: HttpClient, inspectorOf: (unitId: string) => Promise<string>, cityId: string, counties: readonly DemoUnit[]): Promise<void> => {
  const queue = async (unitId: string) => (await api.expect<{ items: ReviewItem[] }>('GET', `/api/units/${unitId}/publication-items`, 200, { token: await inspectorOf(unitId) })).items;
  /** The unit's items once every kind is there (the proposals reach the service on the topics). */
  const proposed = (unitId: string, kinds: readonly string[]) =>
    eventually(async () => {
      const items = await queue(unitId);
      return kinds.every((k) => items.some((i) => i.kind === k)) ? items : undefined;
    }, 60_000, `the publication items of ${unitId}`, 250);
  const city = await proposed(cityId, ['ranking', 'typicalCase']);
  if (city.some((i) => i.status !== 'proposed')) return;
  const approve = async (unitId: string, items: readonly ReviewItem[]) => {
    const token = await inspectorOf(unitId);
    for (const i of items) await api.expect('POST', `/api/publication-items/${i.itemId}/approve`, 200, { token, body: {} });
  };
  await approve(cityId, city);
  for (const [c, county] of counties.entries()) {
    const items = (await proposed(county.id, ['keyTask', 'keyTaskProgress', 'keyTaskLight'])).filter((i) => i.status === 'proposed');
    await approve(county.id, c === counties.length - 1 ? items.slice(1) : items);
  }
};
