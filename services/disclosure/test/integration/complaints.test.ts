/**
 * Public complaints through the local runtime, the real broker and DynamoDB Local: filed without an
 * account, routed (one level up when about a discipline body), accepted, answered and rated, with
 * the receipt lookup at each step; the same complaint twice is one; an unknown code answers like a
 * known one; rate limits answer 429 with Retry-After; contact details are encrypted at rest and
 * nothing of the facts or the complainant reaches the topic; the live figures equal the events.
 * Each test sends from a loopback address of its own, as a client of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpAnswer, type HttpClient } from '#infra/local/support/httpClient.js';
import { documentClient, eventually, ownAddress, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { topics } from '#events/topics.js';
import { triggersOf } from '#shared/manifest.js';
import disclosure from '../../service.js';
import { disclosureConfig } from '../../src/config.js';

type Receipt = { found: boolean; status: string | null; statusText: string; answer: string | null; rating: string | null; canRate: boolean; handlingBody: string | null; filedOn: string | null };
type Filed = { receiptCode: string; duplicate: boolean; status: string; dueOn: string };
type Event = { id: string; type: string; data: Record<string, unknown> };

let runtime: Runtime;
let client: HttpClient;
let topic: TopicRecorder;
const units = {} as { city: string; county: string; town: string };
const phone = `139${String(Date.now()).slice(-8)}`;

const file = (from: string, body: Record<string, unknown>) => client.request<Filed>('POST', '/api/public/complaints', { localAddress: from, body });
const lookUp = async (from: string, receiptCode: string) => (await client.request<Receipt>('POST', '/api/public/complaints/lookup', { localAddress: from, body: { receiptCode } })).body;
const inspector = (unitId: string) => tokenFor(runtime, 'discipline_inspector', unitId, `complaints-inspector-${unitId}`);
const handledBy = async (unitId: string) =>
  client.expect<{ complaints: Array<{ complaintId: string; unitId: string; status: string; raised: boolean; channel: string; clue: { kind: string; month: string } | null }> }>('GET', `/api/units/${unitId}/complaints`, 200, { token: await inspector(unitId) });

/**
 * Runs `attempt` within one rate-limit window of `windowSeconds`: when fewer than `seconds` are left
 * in the current one, it waits for the next, so that every request of the attempt counts in the same
 * window (a retry after a window ended would start with the requests already counted in the new one).
 */
const withinOneWindow = async <T>(windowSeconds: number, seconds: number, attempt: () => Promise<T>): Promise<T> => {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < seconds) await sleep((left + 0.5) * 1000);
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const result = await attempt();
  if (Math.floor(Date.now() / 1000 / windowSeconds) !== window) throw new Error(`The attempt took more than ${seconds} s: a rate-limit window ended during it`);
  return result;
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  topic = await recordTopic(topics.disclosure);
  const stamp = Date.now().toString(36);
  units.city = await registerUnit(runtime, `投诉市${stamp}`, undefined, '市委');
  units.county = await registerUnit(runtime, `投诉县${stamp}`, units.city);
  units.town = await registerUnit(runtime, `投诉镇${stamp}`, units.county, '乡镇（街道）党委');
  // The disclosure service knows the units from signing.events.
  await eventually(
    async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${units.town}` } }))).Item,
    30_000,
    'disclosure to know the town',
  );
});

afterAll(async () => {
  await topic?.stop();
  client?.close();
  await runtime?.stop();
});

describe('a public complaint', () => {
  it('is filed without an account, handled by the town’s discipline body, answered and rated, the receipt showing each step', async () => {
    // Prepare
    const from = ownAddress();
    const facts = `城关镇某站所负责人多次在工作日午间饮酒（${Date.now()}）`;

    // Act: file
    const filed = await file(from, { unitId: units.town, facts, contact: { name: '王先生', phone } });

    // Assess
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ duplicate: false, status: 'received' });
    expect(filed.body.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const code = filed.body.receiptCode;
    expect(await lookUp(from, code)).toMatchObject({ found: true, status: 'received', answer: null, canRate: false });
    // Typed forgivingly: lower case, no hyphens.
    expect((await lookUp(from, code.replace(/-/g, '').toLowerCase())).status).toBe('received');
    const [listed] = (await handledBy(units.town)).complaints;
    expect(listed).toMatchObject({ unitId: units.town, status: 'received', raised: false });
    const handler = await inspector(units.town);

    // Act: the handling body reads it; its contact details are decrypted for it
    const read = await client.expect<{ facts: string; contact: Record<string, string> | null }>('GET', `/api/complaints/${listed!.complaintId}`, 200, { token: handler });
    expect(read).toMatchObject({ facts, contact: { name: '王先生', phone } });

    // Act: accept, answer, rate
    await client.expect('POST', `/api/complaints/${listed!.complaintId}/accept`, 200, { token: handler });
    expect(await lookUp(from, code)).toMatchObject({ status: 'accepted', statusText: '已受理，正在调查核实', canRate: false });
    const answer = '经核查，反映问题基本属实，已对当事人进行诫勉谈话并责令整改。';
    await client.expect('POST', `/api/complaints/${listed!.complaintId}/answer`, 200, { token: handler, body: { answer } });
    expect(await lookUp(from, code)).toMatchObject({ status: 'answered', answer, canRate: true });
    const rated = await client.request<Receipt>('POST', '/api/public/complaints/rating', { localAddress: from, body: { receiptCode: code, rating: 'satisfied' } });
    const again = await client.request('POST', '/api/public/complaints/rating', { localAddress: from, body: { receiptCode: code, rating: 'dissatisfied' } });

    // Assess
    expect(rated.status).toBe(200);
    expect(await lookUp(from, code)).toMatchObject({ status: 'answered', rating: 'satisfied', canRate: false });
    expect(again.status).toBe(409);
    expect((await client.request('POST', `/api/complaints/${listed!.complaintId}/answer`, { token: handler, body: { answer } })).status).toBe(409);
    // The county's commission, above the town, does not read the town's complaints.
    expect((await client.request('GET', `/api/complaints/${listed!.complaintId}`, { token: await inspector(units.county) })).status).toBe(403);
  });

  it('about a discipline body goes one level up; at the root it stays', async () => {
    // Prepare
    const from = ownAddress();

    // Act
    const aboutTown = await file(from, { unitId: units.town, aboutDisciplineBody: true, facts: `镇纪委对群众反映的问题久拖不办（${Date.now()}）` });
    const aboutCity = await file(from, { unitId: units.city, aboutDisciplineBody: true, facts: `市纪委办理信访件超期（${Date.now()}）` });

    // Assess
    expect([aboutTown.status, aboutCity.status]).toEqual([201, 201]);
    expect((await handledBy(units.county)).complaints).toEqual([expect.objectContaining({ unitId: units.town, raised: true })]);
    expect((await handledBy(units.town)).complaints.filter((c) => c.raised)).toEqual([]);
    expect((await handledBy(units.city)).complaints).toEqual([expect.objectContaining({ unitId: units.city, raised: false })]);
    expect((await lookUp(from, aboutTown.body.receiptCode)).handlingBody).toMatch(/^投诉县/);
  });

  it('filed twice within the hour is one complaint with one code', async () => {
    // Prepare
    const from = ownAddress();
    const body = { unitId: units.county, facts: `县直某单位违规发放津补贴（${Date.now()}）`, contact: { phone } };

    // Act
    const [first, second] = await withinOneWindow(3_600, 30, async () => [await file(from, body), await file(from, body)]);

    // Assess
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    expect((await handledBy(units.county)).complaints.filter((c) => c.unitId === units.county)).toHaveLength(1);
  });

  it('an unknown receipt code answers like a known one, with nothing of any complaint', async () => {
    // Prepare
    const from = ownAddress();
    const known = (await file(from, { unitId: units.county, facts: `回执码测试（${Date.now()}）` })).body.receiptCode;

    // Act
    const answers = await Promise.all(
      [known, '0000-0000-0000-0000-0000', 'UUUU-UUUU-UUUU-UUUU-UUUU'].map((receiptCode) => client.request<Receipt>('POST', '/api/public/complaints/lookup', { localAddress: from, body: { receiptCode } })),
    );

    // Assess
    const shape = (a: HttpAnswer<Receipt>) => ({ status: a.status, type: a.contentType, keys: Object.keys(a.body).sort() });
    expect(shape(answers[1]!)).toEqual(shape(answers[0]!));
    expect(shape(answers[2]!)).toEqual(shape(answers[0]!));
    for (const unknown of answers.slice(1)) {
      expect(unknown.body).toEqual({ found: false, status: null, statusText: expect.any(String), filedOn: null, dueOn: null, handlingBody: null, answer: null, answeredOn: null, rating: null, canRate: false });
    }
  });

  it('answers 429 with Retry-After past the limits per client address and per receipt code', async () => {
    // Act: filings from one address within the hour
    const from = ownAddress();
    const filings = await withinOneWindow(3_600, 60, async () => {
      const answers: Array<HttpAnswer<unknown>> = [];
      for (let i = 0; i <= disclosureConfig.filingsPerAddressPerHour; i++) answers.push(await file(from, { unitId: units.county, facts: `限流测试第${i}件（${Date.now()}）` }));
      return answers;
    });

    // Assess
    expect(filings.slice(0, -1).every((a) => a.status === 201)).toBe(true);
    const refused = filings.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.contentType).toBe('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3_600);

    // Act: one code looked up from as many addresses as the limit allows, and one more
    const code = (await file(ownAddress(), { unitId: units.county, facts: `回执码限流（${Date.now()}）` })).body.receiptCode;
    const lookups = await withinOneWindow(60, 20, async () => {
      const answers: Array<HttpAnswer<unknown>> = [];
      for (let i = 0; i <= disclosureConfig.lookupsPerCodePerMinute; i++) answers.push(await client.request('POST', '/api/public/complaints/lookup', { localAddress: ownAddress(), body: { receiptCode: code } }));
      return answers;
    });

    // Assess
    expect(lookups.slice(0, -1).map((a) => a.status)).toEqual(Array(disclosureConfig.lookupsPerCodePerMinute).fill(200));
    expect(lookups.at(-1)!.status).toBe(429);
    expect(Number(lookups.at(-1)!.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('takes a village committee’s monthly clues once each, for the town’s discipline body to sort by kind and handle', async () => {
    // Prepare
    const village = await registerUnit(runtime, `投诉村${Date.now().toString(36)}`, units.town, '村（社区）党支部');
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: 'UNITS', sk: `UNIT#${village}` } }))).Item, 30_000, 'disclosure to know the village');
    const committee = await tokenFor(runtime, 'unit_staff', village, `committee-${village}`);
    const clues = [
      { kind: 'finance', summary: `村集体经济合作社三月份一笔 2 万元支出无会议记录（${Date.now()}）` },
      { kind: 'conduct', summary: `村干部在低保评定中优亲厚友（${Date.now()}）` },
    ];

    // Act: filed, then filed again with one more
    const first = await client.request<{ clues: Array<{ complaintId: string; kind: string; status: string }> }>('POST', `/api/units/${village}/village-clues`, { token: committee, body: { month: '2027-03', clues } });
    const again = await client.request<{ clues: unknown[] }>('POST', `/api/units/${village}/village-clues`, { token: committee, body: { month: '2027-03', clues: [...clues, { kind: 'other', summary: '村务公开栏长期未更新' }] } });
    const atRoot = await client.request('POST', `/api/units/${units.city}/village-clues`, { token: await tokenFor(runtime, 'unit_staff', units.city), body: { month: '2027-03', clues } });

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.clues.map((c) => [c.kind, c.status]).sort()).toEqual([['conduct', 'received'], ['finance', 'received']]);
    expect(again.body.clues).toHaveLength(3);
    expect(atRoot.status).toBe(422);
    const sorted = (await handledBy(units.town)).complaints.filter((c) => c.unitId === village);
    expect(sorted.map((c) => [c.channel, c.clue?.kind, c.clue?.month]).sort()).toEqual([
      ['villageCommittee', 'conduct', '2027-03'],
      ['villageCommittee', 'finance', '2027-03'],
      ['villageCommittee', 'other', '2027-03'],
    ]);

    // Act: the town answers the finance clue; the committee reads it back
    const finance = sorted.find((c) => c.clue?.kind === 'finance')!;
    await client.expect('POST', `/api/complaints/${finance.complaintId}/answer`, 200, { token: await inspector(units.town), body: { answer: '已责令村集体经济合作社补充会议记录并公示。' } });
    const read = await client.expect<{ handlingUnitId: string; clues: Array<{ kind: string; status: string; answer: string | null }> }>('GET', `/api/units/${village}/village-clues?month=2027-03`, 200, { token: committee });

    // Assess
    expect(read.handlingUnitId).toBe(units.town);
    expect(read.clues.find((c) => c.kind === 'finance')).toMatchObject({ status: 'answered', answer: '已责令村集体经济合作社补充会议记录并公示。' });
    await eventually(async () => ((topic.values() as unknown as Event[]).filter((e) => e.type === 'disclosure.ClueFiled.v1' && e.data.unitId === village).length === 3 ? true : undefined), 30_000, 'three clues on the topic');
    expect(JSON.stringify(topic.values())).not.toContain(clues[1]!.summary);
  });

  it('keeps contact details encrypted at rest and puts nothing of the facts or the complainant on the topic; the figures equal the events', async () => {
    // Prepare
    const from = ownAddress();
    const facts = `加密测试：某村干部优亲厚友（${Date.now()}）`;
    await file(from, { unitId: units.town, facts, contact: { name: '李女士', phone, email: 'li@example.cn' } });
    const complaint = (await handledBy(units.town)).complaints.find((c) => c.status === 'received' && c.channel === 'public')!;

    // Act
    const { Item } = await documentClient().send(new GetCommand({ TableName: 'disclosure', Key: { pk: `UNIT#${units.town}`, sk: `COMPLAINT#${complaint.complaintId}` } }));

    // Assess: the stored item holds the facts for the handling body, never the contact in clear
    expect(Item!.facts).toBe(facts);
    expect(JSON.stringify(Item)).not.toContain(phone);
    expect(JSON.stringify(Item)).not.toContain('李女士');
    expect(String(Item!.contactCipher)).toMatch(/^v1\./);

    // Assess: the topic has the complaint's events, and no word of its facts or its complainant
    const ours = (e: Event) => Object.values(units).includes(String(e.data.handlingUnitId ?? e.data.unitId));
    await eventually(async () => ((topic.values() as unknown as Event[]).some((e) => e.type === 'disclosure.ComplaintFiled.v1' && e.data.complaintId === complaint.complaintId) ? true : undefined), 30_000, 'the filing on the topic');
    const text = JSON.stringify(topic.values());
    for (const secret of [facts, phone, '李女士', 'li@example.cn', '王先生']) expect(text).not.toContain(secret);

    // Assess: the city's figures are the count of its events
    const events = (type: string) => (topic.values() as unknown as Event[]).filter((e) => e.type === `disclosure.${type}.v1` && ours(e));
    const counted = () => {
      const rated = events('ComplaintRated');
      const satisfied = rated.filter((e) => e.data.rating !== 'dissatisfied').length;
      const handled = events('ComplaintAnswered').length + events('ComplaintReferred').length;
      return { received: events('ComplaintRouted').length, handled, inProgress: events('ComplaintRouted').length - handled, rated: rated.length, satisfied };
    };
    const figures = await eventually(
      async () => {
        const answer = await client.request<Record<string, unknown>>('GET', `/api/public/complaint-figures?unitId=${units.city}`, { localAddress: from });
        const expected = counted();
        return expected.received > 0 && Object.entries(expected).every(([k, v]) => answer.body[k] === v) ? answer.body : undefined;
      },
      30_000,
      'the figures to equal the events',
    );
    expect(figures).toMatchObject({ ...counted(), unitId: units.city, overdue: 0 });
    expect(figures.satisfactionRate).toBe(Math.round((counted().satisfied / counted().rated) * 1000) / 10);
  });

  it('shows no personal value on any public route, whatever the complaint held', async () => {
    // Prepare: a complaint whose facts and contact hold a name, an identity-card number, a mobile number and an address
    const from = ownAddress();
    const personal = ['钱多多', '11010519491231002X', phone, 'qian@example.cn', '幸福路18号'];
    const filed = await file(from, { unitId: units.town, facts: `${personal[0]}（身份证 ${personal[1]}，住${personal[4]}）收受礼金（${Date.now()}）`, contact: { name: personal[0], phone, email: personal[3] } });
    const code = filed.body.receiptCode;
    const routes = triggersOf(disclosure, 'http').filter(({ trigger }) => trigger.public);

    // Act: every public route, filled from its examples, with the complaint's code and unit
    const answers = await Promise.all(
      routes.map(async ({ trigger }) => {
        const example = { ...((trigger.request?.body?.meta() as { examples?: Array<Record<string, unknown>> } | undefined)?.examples?.[0] ?? {}) };
        if ('receiptCode' in example) example.receiptCode = code;
        if ('unitId' in example) example.unitId = units.town;
        const query = trigger.request?.query ? `?unitId=${units.town}` : '';
        const body = trigger.method === 'GET' ? undefined : trigger.form ? new URLSearchParams(example as Record<string, string>).toString() : example;
        const headers = trigger.form ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined;
        const answer = await client.request(trigger.method, `${trigger.path}${query}`, { localAddress: ownAddress(), ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
        return { route: `${trigger.method} ${trigger.path}`, status: answer.status, text: answer.text };
      }),
    );

    // Assess
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const { route, status, text } of answers) {
      expect({ route, status: status < 500 }).toEqual({ route, status: true });
      for (const value of personal) expect({ route, holds: text.includes(value) }).toEqual({ route, holds: false });
    }
    // The lookups did find the complaint: the test looked where the values could have been.
    expect(answers.find((a) => a.route === 'POST /api/public/complaints/lookup')!.text).toContain('"found":true');
  });

  it('is due from the handling body: reminded before its due day, escalated above it the day after, and not once answered', async () => {
    // Prepare: two complaints about the town; one is answered at once
    const from = ownAddress();
    const reports = await recordTopic(topics.reports);
    const dayOf = (date: string, days: number) => new Date(Date.parse(`${date}T09:00:00+08:00`) + days * 86_400_000);
    const lateFacts = `村务公开栏长期未更新（${Date.now()}）`;
    const answeredFacts = `村卫生室药品价格未公示（${Date.now()}）`;
    const late = (await file(from, { unitId: units.town, facts: lateFacts })).body;
    await file(from, { unitId: units.town, facts: answeredFacts });
    const token = await inspector(units.town);
    const listed = (await handledBy(units.town)).complaints;
    const views = await Promise.all(listed.map((c) => client.expect<{ facts: string; complaintId: string }>('GET', `/api/complaints/${c.complaintId}`, 200, { token })));
    const lateId = views.find((v) => v.facts === lateFacts)!.complaintId;
    const answeredId = views.find((v) => v.facts === answeredFacts)!.complaintId;
    await client.expect('POST', `/api/complaints/${answeredId}/answer`, 200, { token, body: { answer: '已责令村卫生室公示药品价格。' } });
    const about = (complaintId: string, type: string) =>
      (reports.values() as unknown as Event[]).filter((e) => e.type === `reports.${type}.v1` && JSON.stringify(e.data).includes(`complaint.${complaintId}`));

    // The engine's state of each answer deadline, as the reports service keeps it from disclosure.events.
    const deadlineDone = async (complaintId: string) =>
      (await documentClient().send(new GetCommand({ TableName: 'reports', Key: { pk: `DEADLINE#external#${units.town}#complaint.${complaintId}`, sk: 'STATE' } }))).Item?.done as boolean | undefined;
    await eventually(async () => ((await deadlineDone(lateId)) === false && (await deadlineDone(answeredId)) === true ? true : undefined), 30_000, 'reports to track both deadlines');

    try {
      // Act: the engine three days before the due day, once reports has the answer
      const reminded = await eventually(
        async () => {
          await runtime.fire('reports-runDeadlines', dayOf(late.dueOn, -3));
          return about(lateId, 'ReminderSent').length > 0 ? about(lateId, 'ReminderSent') : undefined;
        },
        60_000,
        'the reminder of the late complaint',
      );

      // Assess: the handling body is reminded; nothing of the answered complaint
      expect(reminded[0]!.data).toMatchObject({ offsetDays: 3, recipient: { unitId: units.town, personId: null, role: 'discipline_inspector' } });
      expect(about(answeredId, 'ReminderSent')).toEqual([]);

      // Act: the day after the due day
      await runtime.fire('reports-runDeadlines', dayOf(late.dueOn, 1));
      const escalated = await eventually(async () => (about(lateId, 'DeadlineEscalated').length === 2 ? about(lateId, 'DeadlineEscalated') : undefined), 60_000, 'the escalation');

      // Assess: to the county's committee and commission; the town's list shows it escalated
      expect(escalated.map((e) => `${String(e.data.to)}@${String(e.data.unitId)}`).sort()).toEqual([`disciplineCommission@${units.county}`, `upperCommittee@${units.county}`]);
      expect(about(answeredId, 'DeadlineEscalated')).toEqual([]);
      const marked = await eventually(async () => (await handledBy(units.town)).complaints.find((c) => c.complaintId === lateId && (c as { escalatedOn?: string | null }).escalatedOn), 30_000, 'the complaint marked escalated');
      expect((marked as unknown as { escalatedOn: string; overdue: boolean }).escalatedOn).toBe(dayOf(late.dueOn, 1).toISOString().slice(0, 10));
      expect((await client.expect<{ escalatedOn: string | null }>('GET', `/api/complaints/${answeredId}`, 200, { token })).escalatedOn).toBeNull();
    } finally {
      await reports.stop();
    }
  });

  it('keeps attachments sealed, taken by their content only, for the handling body alone', async () => {
    // Prepare: a 1×1 PNG, a one-page PDF, and a text file named as a photo
    const from = ownAddress();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
    const facts = `村务公开栏照片与实际支出不符（${Date.now()}）`;
    const attach = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString('base64') });

    // Act
    const disguised = await file(from, { unitId: units.town, facts, attachments: [attach('现场照片.png', png), attach('照片.jpg', Buffer.from('这不是图片'))] });
    const oversized = await file(from, { unitId: units.town, facts, attachments: [attach('大图.png', Buffer.concat([png, Buffer.alloc(1024 * 1024)]))] });
    const filed = await file(from, { unitId: units.town, facts, attachments: [attach('现场照片.png', png), attach('支出明细.pdf', pdf)] });

    // Assess: refused by content and by size, naming the file; taken otherwise
    expect(disguised.status).toBe(422);
    expect((disguised.body as unknown as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['body.attachments.1']);
    // Over 1 MB, refused by the request's schema before the content is looked at.
    expect(oversized.status).toBe(400);
    expect(oversized.text).toContain('body.attachments.0.contentBase64');
    expect(filed.status).toBe(201);
    const token = await inspector(units.town);
    const listed = (await handledBy(units.town)).complaints;
    const views = await Promise.all(listed.map((c) => client.expect<{ complaintId: string; facts: string; attachments: Array<{ index: number; name: string; mediaType: string; size: number }> }>('GET', `/api/complaints/${c.complaintId}`, 200, { token })));
    const view = views.filter((v) => v.facts === facts);
    expect(view).toHaveLength(1);
    expect(view[0]!.attachments).toEqual([
      expect.objectContaining({ index: 0, name: '现场照片.png', mediaType: 'image/png', size: png.byteLength }),
      expect.objectContaining({ index: 1, name: '支出明细.pdf', mediaType: 'application/pdf', size: pdf.byteLength }),
    ]);
    const { complaintId } = view[0]!;
    const opened = await client.expect<{ contentBase64: string }>('GET', `/api/complaints/${complaintId}/attachments/1`, 200, { token });
    expect(Buffer.from(opened.contentBase64, 'base64').equals(pdf)).toBe(true);
    expect((await client.request('GET', `/api/complaints/${complaintId}/attachments/1`, { token: await inspector(units.county) })).status).toBe(403);
    expect((await client.request('GET', `/api/complaints/${complaintId}/attachments/2`, { token })).status).toBe(404);
    // Sealed at rest: the bucket's file holds neither the PDF's text nor the PNG's signature.
    const folder = process.env.DISCLOSURE_ATTACHMENTS_BUCKET!.replace(/^file:/, '');
    const stored = await Promise.all([0, 1].map((i) => readFile(path.join(folder, 'complaints', complaintId, String(i)))));
    expect(stored[0]!.includes(png.subarray(0, 8))).toBe(false);
    expect(stored[1]!.includes(Buffer.from('%PDF'))).toBe(false);
  });
});
