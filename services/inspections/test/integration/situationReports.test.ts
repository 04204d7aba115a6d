/**
 * An integrity situation report (廉情抄告) from import to money recovered, through the local runtime,
 * the real broker and DynamoDB Local: the county's commission imports a town's fund disbursements
 * (CSV, then the same as an Excel workbook), the configured rules flag the four kinds of anomaly
 * with the money at stake, the county's party secretary endorses the report, which issues it and
 * opens the town's rectification item in the reports service, and the money recovered is recorded up
 * to what was at stake. The people paid and their accounts never reach a topic.
 */
import ExcelJS from 'exceljs';
import type { Runtime } from '#infra/local/runtime.js';
import { httpClient, type HttpClient } from '#infra/local/support/httpClient.js';
import { signingFlow, type Holder } from '#infra/local/support/signingFlow.js';
import { eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import { recordTopic, type TopicRecorder } from '#infra/local/test/support/topic.js';
import { cstDate } from '#events/envelope.js';
import { topics } from '#events/topics.js';

type Report = { reportId: string; status: string; summary: { anomalies: number; atStakeFen: number; byKind: Array<{ kind: string; count: number; atStakeFen: number }> }; anomalies: Array<{ kind: string; rows: number[] }>; recoveredFen: number; rectification: { requestId: string } | null };
type Event = { id: string; type: string; data: Record<string, unknown> };

let runtime: Runtime;
let client: HttpClient;
let inspectionsTopic: TopicRecorder;
let reportsTopic: TopicRecorder;
let county: string;
let town: string;
let countySecretary: Holder;
let countyChief: Holder;
let commission: string;

/** A town's payments: one person paid twice for July, one above the standard, one not entitled, one account taking four people's money. */
const rows = [
  ['人员编号', '项目', '期间', '金额', '账户'],
  ['ID110101195001011234', '高龄补贴', '2026-07', '100', '6222000000000001'],
  ['ID110101195001011234', '高龄补贴', '2026-07', '100', '6222000000000001'],
  ['ID110101195202022345', '高龄补贴', '2026-07', '150', '6222000000000002'],
  ['ID110101196003033456', '低保金', '2026-07', '600', '6222000000009999'],
  ['ID110101196104044567', '低保金', '2026-07', '600', '6222000000009999'],
  ['ID110101196205055678', '低保金', '2026-07', '600', '6222000000009999'],
  ['ID110101196306066789', '低保金', '2026-07', '600', '6222000000009999'],
];
const rules = { standards: [{ programme: '高龄补贴', standardYuan: 100 }, { programme: '低保金', standardYuan: 600 }], notEntitled: [{ programme: '低保金', payeeId: 'ID110101196306066789' }], payeesPerAccount: 3 };
const csv = rows.map((r) => r.join(',')).join('\n');

const importing = (token: string, body: Record<string, unknown>) => client.request<Report & { errors?: Array<{ path: string; message: string }> }>('POST', `/api/units/${county}/situation-reports`, { token, body });

beforeAll(async () => {
  runtime = await startTestRuntime();
  client = httpClient(runtime.url);
  [inspectionsTopic, reportsTopic] = await Promise.all([recordTopic(topics.inspections), recordTopic(topics.reports)]);
  const stamp = Date.now().toString(36);
  const city = await registerUnit(runtime, `抄告市${stamp}`, undefined, '市委');
  county = await registerUnit(runtime, `抄告县${stamp}`, city);
  town = await registerUnit(runtime, `抄告镇${stamp}`, county, '乡镇（街道）党委');
  const flow = signingFlow(client, runtime.keys);
  countySecretary = await flow.assign(county, '县委书记', 'secretary', '县委书记', [], '2025-01-06');
  countyChief = await flow.assign(county, '县纪委书记', 'disciplineChief', '县纪委书记', [], '2025-01-06');
  commission = await tokenFor(runtime, 'discipline_inspector', county, countyChief.personId);
}, 180_000);

afterAll(async () => {
  await Promise.all([inspectionsTopic?.stop(), reportsTopic?.stop()]);
  client?.close();
  await runtime?.stop();
});

describe('an integrity situation report', () => {
  let report: Report;

  it('flags the anomalies of an imported file by the configured rules and compiles them, from CSV and from Excel alike', async () => {
    const body = { title: '2026年7月惠民资金发放廉情抄告', concernedUnitId: town, format: 'csv', content: csv, rules };
    report = await eventually(
      async () => {
        const answer = await importing(commission, body);
        if (answer.status === 201) return answer.body;
        if (answer.status !== 403 && answer.status !== 422) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      },
      60_000,
      'the inspections service to know the town',
    );
    expect(report.status).toBe('compiled');
    // Duplicate: the second July payment (100); above standard: 50; not entitled: 600; shared account: 2,400.
    expect(report.summary).toEqual({
      anomalies: 4,
      atStakeFen: 315_000,
      byKind: [
        { kind: 'duplicate', name: '重复领取', count: 1, atStakeFen: 10_000 },
        { kind: 'aboveStandard', name: '超标准发放', count: 1, atStakeFen: 5_000 },
        { kind: 'notEntitled', name: '不符合条件领取', count: 1, atStakeFen: 60_000 },
        { kind: 'sharedAccount', name: '多人共用账户', count: 1, atStakeFen: 240_000 },
      ],
    });
    expect(report.anomalies.find((a) => a.kind === 'duplicate')!.rows).toEqual([2, 3]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('发放明细').addRows(rows);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const fromExcel = await importing(commission, { ...body, format: 'xlsx', content: xlsx });
    expect(fromExcel.status).toBe(201);
    expect(fromExcel.body.summary).toEqual(report.summary);
    // A file without the columns, a bad row, a unit not below the county, and a clean file are refused.
    expect((await importing(commission, { ...body, content: '姓名,金额\n张三,100' })).body.errors![0]!.message).toMatch(/缺少列/);
    expect((await importing(commission, { ...body, content: `${csv}\nX,高龄补贴,2026-13,abc,1` })).body.errors!.map((e) => e.path)).toEqual(['content.9', 'content.9']);
    expect((await importing(commission, { ...body, concernedUnitId: '0196a0f2-0000-7000-8000-0000000000fd' })).status).toBe(422);
    expect((await importing(commission, { ...body, content: rows.slice(0, 2).map((r) => r.join(',')).join('\n') })).body.errors![0]!.message).toBe('未发现异常，无需编发廉情抄告');
    expect((await importing(await tokenFor(runtime, 'unit_secretary', county, countySecretary.personId), body)).status).toBe(403);
  });

  it('is endorsed by the county’s party secretary, which issues it and opens the town’s rectification item', async () => {
    const body = { instruction: '请镇党委立即核查，限期追回违规资金。', rectification: { action: '逐户核查惠民资金发放，追回违规资金', dueDate: '2099-03-31' } };
    expect((await client.request('POST', `/api/situation-reports/${report.reportId}/endorse`, { token: commission, body })).status).toBe(403);
    expect((await client.request('POST', `/api/situation-reports/${report.reportId}/recoveries`, { token: commission, body: { amountYuan: 100, recoveredOn: cstDate(new Date()), note: '退缴' } })).status).toBe(409);
    report = await client.expect<Report>('POST', `/api/situation-reports/${report.reportId}/endorse`, 200, { token: await tokenFor(runtime, 'unit_secretary', county, countySecretary.personId), body });
    expect(report.status).toBe('issued');
    const opened = await eventually(
      async () => (reportsTopic.values() as unknown as Event[]).find((e) => e.type === 'reports.RectificationOpened.v1' && (e.data.source as { id: string }).id === report.reportId),
      30_000,
      'the rectification item',
    );
    expect(opened.data).toMatchObject({ rectificationId: report.rectification!.requestId, unitId: town, source: { kind: 'situationReport' } });
  });

  it('records the money recovered up to what was at stake', async () => {
    const recover = (amountYuan: number) => client.request<Report>('POST', `/api/situation-reports/${report.reportId}/recoveries`, { token: commission, body: { amountYuan, recoveredOn: cstDate(new Date()), note: '已退缴财政专户' } });
    expect((await recover(1_000)).body.recoveredFen).toBe(100_000);
    expect((await recover(2_150)).body.recoveredFen).toBe(315_000);
    expect((await recover(0.01)).status).toBe(422);
    const recovered = await eventually(async () => {
      const events = (inspectionsTopic.values() as unknown as Event[]).filter((e) => e.type === 'inspections.MoneyRecovered.v1' && e.data.reportId === report.reportId);
      return events.length === 2 ? events : undefined;
    }, 30_000, 'two MoneyRecovered');
    expect(recovered.map((e) => e.data.recoveredFen)).toEqual([100_000, 315_000]);
    expect((inspectionsTopic.values() as unknown as Event[]).filter((e) => e.type === 'inspections.SituationReportIssued.v1' && e.data.reportId === report.reportId).map((e) => e.data)).toEqual([
      expect.objectContaining({ unitId: county, concernedUnitId: town, anomalies: 4, atStakeFen: 315_000 }),
    ]);
    // The people paid and their accounts stay in the report.
    const published = JSON.stringify([...inspectionsTopic.values(), ...reportsTopic.values()]);
    for (const value of ['ID110101195001011234', 'ID110101196306066789', '6222000000009999']) expect(published).not.toContain(value);
  });

  it('can be the clue of an accountability case', async () => {
    const member = await signingFlow(client, runtime.keys).assign(town, '镇民政办主任', 'teamMember', '镇党委委员', ['民政'], '2025-01-06');
    const opened = await eventually(async () => {
      const answer = await client.request<{ source: { kind: string; id: string } }>('POST', `/api/units/${town}/cases`, { token: commission, body: { personId: member.personId, source: { kind: 'situationReport', id: report.reportId }, facts: '惠民资金发放审核把关不严', openedOn: cstDate(new Date()) } });
      return answer.status === 201 ? answer.body : undefined;
    }, 60_000, 'the case');
    expect(opened.source).toMatchObject({ kind: 'situationReport', id: report.reportId });
  });
});
