/**
 * Publication through the local runtime, the real broker and DynamoDB Local: events of reports and
 * inspections (their fixtures, seeded with a person's name, an identity-card number, a mobile
 * number and the words of a talk and a case) become candidates; the reviewing body approves or
 * rejects each by name, only its discipline inspectors may; what is published within the public
 * scope is on every public endpoint, a subtree's ranking only for the subtree's signed-in units; a
 * withdrawn item is gone from every endpoint at once; and no public route nor the topic ever holds
 * one of the seeded personal values.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { documentClient, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { withFreshIds, type FixtureName } from '#events/fixtures/index.js';
import { cloudEventContentType } from '#events/envelope.js';
import { eventSchemas } from '#events/index.js';
import { topics, type TopicName } from '#events/topics.js';
import { kafkaProducer, type ProducerPort } from '#shared/kafka/producer.js';

type ReviewItem = { itemId: string; kind: string; status: string; scope: string; source: { type: string; id: string }; reviewer: { subject: string } | null; publication: { title: string; payload: Record<string, unknown> } | null };
type PublicItem = { itemId: string; kind: string; unitId: string; title: string; payload: Record<string, unknown>; publishedOn: string };
type Event = { id: string; type: string; data: Record<string, unknown> };

let runtime: Runtime;
let client: HttpClient;
let producer: ProducerPort;
let topic: TopicRecorder;
const units = {} as { city: string; county: string; town: string; elsewhere: string };
const stamp = Date.now().toString(36);

/** The personal values the sources carry, none of which may ever be published. */
const person = '赵铁柱';
const idCard = '11010519491231002X';
const phone = `139${String(Date.now()).slice(-8)}`;
const talkWords = `约谈笔录${stamp}：本人对进度滞后负有责任`;
const caseWords = `案情${stamp}：收受工程老板礼金五万元`;
const personal = [person, '铁柱', idCard, phone, talkWords, caseWords];

const topicOf = (name: FixtureName): TopicName => topics[name.split('.')[0] as keyof typeof topics];

/** Puts a fixture event on its topic, for `unitId`, as the other services' relays would; gives its id. */
const publish = async (name: FixtureName, unitId: string, data: Record<string, unknown>): Promise<string> => {
  const event = eventSchemas[name].parse({ ...withFreshIds(name, unitId, data), time: '2027-06-01T10:00:00.000+08:00' }) as { id: string; unitid: string };
  await producer.send(topicOf(name), [{ key: event.unitid, value: JSON.stringify(event), headers: { 'content-type': cloudEventContentType } }]);
  return event.id;
};

const inspector = (unitId: string) => tokenFor(runtime, 'discipline_inspector', unitId, `publication-inspector-${unitId}`);
const queue = async (unitId: string) => (await client.expect<{ items: ReviewItem[] }>('GET', `/api/units/${unitId}/publication-items`, 200, { token: await inspector(unitId) })).items;
/** The item proposed from the event `sourceId`, once the consumer has written it. */
const proposedFrom = (unitId: string, sourceId: string) =>
  eventually(async () => (await queue(unitId)).find((i) => i.source.id === sourceId), 30_000, `the item of ${sourceId}`);

const publicItems = async (query = '') => (await client.expect<{ items: PublicItem[] }>('GET', `/api/public/items${query}`, 200)).items;

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  producer = kafkaProducer('disclosure-publication-test');
  topic = await recordTopic(topics.disclosure);
  units.city = await registerUnit(runtime, `公开市${stamp}`, undefined, '市委');
  units.county = await registerUnit(runtime, `公开县${stamp}`, units.city);
  units.town = await registerUnit(runtime, `${stamp}公开镇`, units.county, '乡镇（街道）党委');
  units.elsewhere = await registerUnit(runtime, `另一市${stamp}`, undefined, '市委');
  for (const id of Object.values(units))
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${id}` } }))).Item, 30_000, `disclosure to know ${id}`);
});

afterAll(async () => {
  await topic?.stop();
  await producer?.disconnect();
  client?.close();
  await runtime?.stop();
});

describe('publication', () => {
  it('publishes what a named reviewer approves within its scope, never what is rejected or refused, and a withdrawn item leaves every endpoint at once', async () => {
    // Prepare: a key task, its red and yellow lights, a progress note with a phone number, a
    // ranking within the city's subtree and a typical case, each seeded with personal values.
    const taskId = `0196a0f2-0000-7000-9000-${String(Date.now() % 1e12).padStart(12, '0')}`;
    const commission = { subject: `publication-inspector-${units.county}`, role: 'discipline_inspector', unitId: units.county };
    const added = await publish('reports.KeyTaskAdded.v1', units.county, { taskId, title: `推进清廉机关建设${stamp}`, responsible: { personId: 'p-zhao', name: person } });
    const red = await publish('reports.KeyTaskRated.v1', units.county, { taskId, quarter: 2, light: 'red', reason: `${talkWords}，联系电话${phone}`, responsible: { personId: 'p-zhao', name: person }, actor: commission });
    const yellow = await publish('reports.KeyTaskRated.v1', units.county, { taskId, quarter: 1, light: 'yellow', reason: '进度偏慢', responsible: { personId: 'p-zhao', name: person }, actor: commission });
    const progress = await publish('reports.KeyTaskProgressed.v1', units.county, { taskId, note: `已完成排查，联系人${person}，电话${phone}` });
    const ranked = await publish('inspections.AssessmentRanked.v1', units.city, {
      disclosureScope: 'subtree',
      category: '县（市、区）委',
      ranking: [
        { unitId: units.county, rank: 1, overall: 91.5, grade: '优秀', vetoed: false },
        { unitId: units.town, rank: 2, overall: 70, grade: '不合格', vetoed: true },
      ],
    });
    // Inspections masks the person's name in the text it writes for the public (its cases test shows it).
    const typical = await publish('inspections.TypicalCaseMarked.v1', units.town, { summary: '赵某在工程招投标中违规干预，受到免职处理。', actor: commission });
    const other = await inspector(units.town);
    const secretary = await tokenFor(runtime, 'unit_secretary', units.county, 'publication-secretary');

    // Act: the items proposed
    const task = await proposedFrom(units.county, added);
    const redLight = await proposedFrom(units.county, red);
    const yellowLight = await proposedFrom(units.county, yellow);
    const note = await proposedFrom(units.county, progress);
    const ranking = await proposedFrom(units.city, ranked);
    const typicalCase = await proposedFrom(units.county, typical);

    // Assess: proposed, with what each would publish; the note with a phone number refused
    expect([task.status, redLight.status, ranking.status, typicalCase.status]).toEqual(['proposed', 'proposed', 'proposed', 'proposed']);
    expect(note).toMatchObject({ status: 'refused', publication: null });
    expect(redLight.publication).toMatchObject({ title: `公开县${stamp}2027年第2季度重点任务亮灯：推进清廉机关建设${stamp}（红灯）`, payload: { light: '红灯', taskTitle: `推进清廉机关建设${stamp}` } });
    expect(typicalCase.publication!.payload).toMatchObject({ unitName: '某镇', summary: '赵某在工程招投标中违规干预，受到免职处理。', measures: '免职' });
    expect(ranking).toMatchObject({ scope: 'subtree' });
    expect(await publicItems(`?unitId=${units.county}`)).toEqual([]);

    // Act & assess: only the reviewing unit's discipline inspectors review
    const approvePath = (i: ReviewItem) => `/api/publication-items/${i.itemId}/approve`;
    expect((await client.request('POST', approvePath(task), { token: secretary, body: {} })).status).toBe(403);
    expect((await client.request('POST', approvePath(task), { token: other, body: {} })).status).toBe(403);
    expect((await client.request('POST', approvePath(note), { token: await inspector(units.county), body: {} })).status).toBe(409);

    // Act: approve four, reject the yellow light
    const county = await inspector(units.county);
    const approved = await client.expect<ReviewItem>('POST', approvePath(task), 200, { token: county, body: {} });
    await client.expect('POST', approvePath(redLight), 200, { token: county, body: { scope: 'public' } });
    await client.expect('POST', approvePath(typicalCase), 200, { token: county, body: {} });
    const wider = await client.request('POST', approvePath(ranking), { token: await inspector(units.city), body: { scope: 'public' } });
    await client.expect('POST', approvePath(ranking), 200, { token: await inspector(units.city), body: {} });
    const rejected = await client.expect<ReviewItem>('POST', `/api/publication-items/${yellowLight.itemId}/reject`, 200, { token: county, body: { reason: '数据待核实' } });
    const again = await client.request('POST', approvePath(task), { token: county, body: {} });

    // Assess: a named reviewer; a second approval 409; on the public endpoints the public items only
    expect(approved).toMatchObject({ status: 'published', reviewer: { subject: `publication-inspector-${units.county}` } });
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(again.status).toBe(409);
    expect(wider.status).toBe(422);
    const listed = await publicItems(`?unitId=${units.county}`);
    expect(listed.map((i) => i.itemId).sort()).toEqual([task.itemId, redLight.itemId, typicalCase.itemId].sort());
    expect((await publicItems(`?unitId=${units.town}&kind=typicalCase`)).map((i) => i.itemId)).toEqual([typicalCase.itemId]);
    expect(await client.expect<PublicItem>('GET', `/api/public/items/${task.itemId}`, 200)).toMatchObject({ kind: 'keyTask', title: `公开县${stamp}2027年重点任务：推进清廉机关建设${stamp}` });
    expect((await client.request('GET', `/api/public/items/${ranking.itemId}`)).status).toBe(404);
    expect((await client.request('GET', `/api/public/items/${yellowLight.itemId}`)).status).toBe(404);
    const page = (await client.request('GET', `/api/public/site/items?unitId=${units.county}`)).text;
    expect(page).toContain(`推进清廉机关建设${stamp}`);
    expect(page).toContain('赵某在工程招投标中违规干预');

    // Assess: the subtree's ranking is read within the city's subtree only
    const signedIn = async (unitId: string) =>
      (await client.expect<{ items: Array<{ itemId: string; scope: string }> }>('GET', `/api/published-items?unitId=${units.city}`, 200, { token: await tokenFor(runtime, 'unit_staff', unitId) })).items.map((i) => i.itemId);
    expect(await signedIn(units.town)).toEqual(expect.arrayContaining([ranking.itemId, task.itemId]));
    expect(await signedIn(units.elsewhere)).not.toContain(ranking.itemId);
    expect(await signedIn(units.elsewhere)).toContain(task.itemId);

    // Act: withdraw the typical case
    const withdrawn = await client.expect<ReviewItem>('POST', `/api/publication-items/${typicalCase.itemId}/withdraw`, 200, { token: county, body: { reason: '当事人申诉，复查中' } });

    // Assess: gone from every endpoint at once
    expect(withdrawn.status).toBe('withdrawn');
    expect((await publicItems()).map((i) => i.itemId)).not.toContain(typicalCase.itemId);
    expect((await publicItems(`?unitId=${units.town}`)).map((i) => i.itemId)).not.toContain(typicalCase.itemId);
    expect((await client.request('GET', `/api/public/items/${typicalCase.itemId}`)).status).toBe(404);
    expect((await client.request('GET', `/api/public/site/items?unitId=${units.county}`)).text).not.toContain('赵某在工程招投标中违规干预');
    expect(await signedIn(units.town)).not.toContain(typicalCase.itemId);
    expect((await client.request('POST', `/api/publication-items/${typicalCase.itemId}/withdraw`, { token: county, body: { reason: '再次撤回' } })).status).toBe(409);

    // Assess: proposal, publication, rejection and withdrawal are events
    const ours = new Set([task.itemId, redLight.itemId, yellowLight.itemId, ranking.itemId, typicalCase.itemId]);
    const types = await eventually(
      async () => {
        const seen = (topic.values() as unknown as Event[]).filter((e) => ours.has(String(e.data.itemId))).map((e) => `${e.type}:${String(e.data.itemId)}`);
        return seen.length >= 11 ? seen : undefined;
      },
      30_000,
      'the publication events',
    );
    expect(types).toEqual(
      expect.arrayContaining([
        `disclosure.ItemProposed.v1:${task.itemId}`,
        `disclosure.ItemPublished.v1:${task.itemId}`,
        `disclosure.ItemRejected.v1:${yellowLight.itemId}`,
        `disclosure.ItemPublished.v1:${typicalCase.itemId}`,
        `disclosure.ItemWithdrawn.v1:${typicalCase.itemId}`,
        `disclosure.ItemPublished.v1:${ranking.itemId}`,
      ]),
    );
    expect(types.filter((t) => t.includes(note.itemId))).toEqual([]);
  });

  it('never puts a seeded personal value on a public route or on the topic', async () => {
    // Prepare: the first test published these units' items; read every public route about them
    const routes = [
      '/api/public/items',
      `/api/public/items?unitId=${units.county}`,
      `/api/public/items?unitId=${units.town}`,
      `/api/public/site/items`,
      `/api/public/site/items?unitId=${units.county}`,
      `/api/public/site/figures`,
      `/api/public/site/figures?unitId=${units.city}`,
      `/api/public/complaint-figures?unitId=${units.city}`,
      '/api/public/units',
    ];
    const items = await publicItems(`?unitId=${units.city}`);
    expect(items.length).toBeGreaterThanOrEqual(2);

    // Act
    const bodies = [
      ...(await Promise.all(routes.map(async (path) => ({ path, text: (await client.request('GET', path)).text })))),
      ...(await Promise.all(items.map(async (i) => ({ path: `/api/public/items/${i.itemId}`, text: (await client.request('GET', `/api/public/items/${i.itemId}`)).text })))),
      ...(topic.values() as unknown as Event[]).filter((e) => e.type.startsWith('disclosure.Item')).map((e) => ({ path: `${topics.disclosure} ${e.type}`, text: JSON.stringify(e) })),
    ];

    // Assess
    const found = bodies.flatMap(({ path, text }) => personal.filter((value) => text.includes(value)).map((value) => `${path}: ${value}`));
    expect(found).toEqual([]);
    expect(bodies.some(({ text }) => text.includes('赵某'))).toBe(true);
  });
});
