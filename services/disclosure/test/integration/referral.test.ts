/**
 * A referred complaint leads on, through the topics: referred for a case, the commission above may
 * open an accountability case on it (inspections); referred for a talk, a talk may cite it, with
 * its summary (interviews). A public complaint referred the other way, or cited for another unit, is
 * refused as a source (422 on `source.id`); a number the system does not know is a record of the
 * petition office, and stays accepted.
 */
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpAnswer, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, eventually, ownAddress, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';

type Problem = { errors?: Array<{ path: string }> };

let runtime: Runtime;
let client: HttpClient;
let county: string;
let town: string;
let countyChief: Holder;
let cadre: Holder;

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  const stamp = Date.now().toString(36);
  const city = await registerUnit(runtime, `转办市${stamp}`, undefined, '市委');
  county = await registerUnit(runtime, `转办县${stamp}`, city);
  town = await registerUnit(runtime, `转办镇${stamp}`, county, '乡镇（街道）党委');
  const flow = signingFlow(client, runtime.keys);
  countyChief = await flow.assign(county, '县纪委书记', 'disciplineChief', '县纪委书记', [], '2025-01-06');
  cadre = await flow.assign(town, '镇党委委员', 'teamMember', '镇党委委员', ['财务'], '2025-01-06');
});

afterAll(async () => {
  client?.close();
  await runtime?.stop();
});

/** Files a complaint about the town and, if `to` is given, has the town's discipline body refer it. */
const complaint = async (facts: string, to?: 'case' | 'talk') => {
  const from = ownAddress();
  await eventually(async () => ((await client.request('POST', '/api/public/complaints', { localAddress: from, body: { unitId: town, facts } })).status === 201 ? true : undefined), 30_000, 'disclosure to know the town');
  const token = await tokenFor(runtime, 'discipline_inspector', town, 'referral-town-inspector');
  const listed = (await client.expect<{ complaints: Array<{ complaintId: string }> }>('GET', `/api/units/${town}/complaints`, 200, { token })).complaints;
  const views = await Promise.all(listed.map((c) => client.expect<{ complaintId: string; facts: string }>('GET', `/api/complaints/${c.complaintId}`, 200, { token })));
  const complaintId = views.find((v) => v.facts === facts)!.complaintId;
  if (to) await client.expect('POST', `/api/complaints/${complaintId}/refer`, 200, { token, body: { to, note: to === 'case' ? '线索具体，转立案审查' : '问题较轻，转谈话提醒' } });
  return complaintId;
};

/** Tries until the service has the referral (or the person), then gives the answer: 201, or the refusal that stays. */
const settled = (attempt: () => Promise<HttpAnswer<unknown>>, accept: (a: HttpAnswer<unknown>) => boolean, what: string) =>
  eventually(async () => {
    const answer = await attempt();
    return accept(answer) ? answer : undefined;
  }, 30_000, what);

const sourcePath = (a: HttpAnswer<unknown>) => (a.body as Problem).errors?.map((e) => e.path) ?? [];

describe('a referred complaint', () => {
  it('opens the way to a case when referred for one and to a talk when referred for one, for the unit complained about only', async () => {
    // Prepare
    const stamp = Date.now();
    const forCase = await complaint(`村干部优亲厚友，违规确定低保对象（${stamp}）`, 'case');
    const forTalk = await complaint(`站所工作人员工作日午间饮酒（${stamp}）`, 'talk');
    const notReferred = await complaint(`办事窗口推诿扯皮（${stamp}）`);
    const commission = await tokenFor(runtime, 'discipline_inspector', county, countyChief.personId);
    const openCase = (complaintId: string) =>
      client.request('POST', `/api/units/${town}/cases`, { token: commission, body: { personId: cadre.personId, source: { kind: 'complaint', id: complaintId }, facts: '经初核，反映问题基本属实', openedOn: '2026-11-20' } });
    const proposeTalk = (complaintId: string) =>
      client.request('POST', `/api/units/${town}/talks`, { token: commission, body: { kind: 'reminder', source: { kind: 'complaint', id: complaintId }, interviewees: [cadre.personId], subject: '群众反映问题提醒谈话' } });

    // Act
    const opened = await settled(() => openCase(forCase), (a) => a.status === 201, 'the case on the referred complaint');
    const talk = await settled(() => proposeTalk(forTalk), (a) => a.status === 201 && JSON.stringify(a.body).includes('公众投诉转谈话处理'), 'the talk on the referred complaint');
    // Inspections has both referrals once it has the second (one partition, in order); interviews has
    // the first since the talk above brought the second's summary.
    await eventually(async () => (await documentClient().send(new GetCommand({ TableName: 'inspections', Key: { pk: `REFERRED#${forTalk}`, sk: 'COMPLAINT' } }))).Item, 30_000, 'inspections to know the referrals');
    const caseOnTalkReferral = await openCase(forTalk);
    const talkOnCaseReferral = await proposeTalk(forCase);
    const caseElsewhere = await client.request('POST', `/api/units/${county}/cases`, { token: commission, body: { personId: countyChief.personId, source: { kind: 'complaint', id: forCase }, facts: '经初核，反映问题基本属实', openedOn: '2026-11-20' } });
    const petition = await openCase(notReferred);

    // Assess
    expect(opened.body).toMatchObject({ source: { kind: 'complaint', id: forCase } });
    expect(talk.body).toMatchObject({ source: { kind: 'complaint', id: forTalk, summary: expect.stringContaining('公众投诉转谈话处理') } });
    for (const refused of [caseOnTalkReferral, talkOnCaseReferral, caseElsewhere]) {
      expect(refused.status).toBe(422);
      expect(sourcePath(refused)).toEqual(['source.id']);
    }
    // Not a complaint of this system (never referred): a petition office's record, accepted as before.
    expect(petition.status).toBe(201);
  });
});
