/**
 * The slice end to end through the local gateway, on the real broker and DynamoDB Local: units,
 * reach, draft, submission, the dashboard, lateness, health, the scheduler, bad input, and the
 * shape of every event the runtime handed a function.
 */
import { services } from '#services/index.js';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import { KafkaMskEventSchema } from '@aws-lambda-powertools/parser/schemas/kafka';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { knownUnitOf } from '#shared/dynamo/knownUnits.js';
import type { Runtime } from '../../runtime.js';
import type { LocalFunction } from '../../functions.js';
import { api, documentClient, eventually, registerUnit, saveDraftWhenKnown, startTestRuntime, tokenFor } from '../support/harness.js';

interface Overview {
  year: number;
  expected: number;
  submitted: number;
  late: number;
  missing: number;
  units: Array<{ unitId: string; name: string; status: string }>;
}

const invocations: Array<{ fn: LocalFunction; event: unknown }> = [];
let runtime: Runtime;
let city: string;
let county: string;
let town: string;
const suffix = Date.now().toString(36);
const year = 2026;

beforeAll(async () => {
  runtime = await startTestRuntime((fn, event) => invocations.push({ fn, event: structuredClone(event) }));
  city = await registerUnit(runtime, `市-${suffix}`, undefined, '市委');
  county = await registerUnit(runtime, `县-${suffix}`, city);
  // A sibling county, which the county's people must not see.
  await registerUnit(runtime, `邻县-${suffix}`, city);
  town = await registerUnit(runtime, `镇-${suffix}`, county, '乡镇（街道）党委');
});

afterAll(async () => {
  await runtime?.stop();
});

const overview = async (token: string, y = year) => (await api<Overview>(runtime, 'GET', `/api/dashboard/annual-reports?year=${y}`, { token })).body;

describe('the slice through the gateway', () => {
  it('reports kafka, dynamodb and every service up', async () => {
    // Act
    const answer = await api(runtime, 'GET', '/health');

    // Assess
    expect(answer.status).toBe(200);
    // Every service of the manifests, each up.
    expect(answer.body).toEqual({ status: 'up', kafka: 'up', dynamodb: 'up', services: Object.fromEntries(services.map((s) => [s.name, 'up'])) });
    expect(Object.keys((answer.body as { services: object }).services)).toEqual(expect.arrayContaining(['signing', 'reports', 'interviews', 'dashboard']));
  });

  it('registers a unit and answers 201 with its id', async () => {
    // Prepare
    const admin = await tokenFor(runtime, 'admin');

    // Act
    const answer = await api(runtime, 'POST', '/api/units', { token: admin, body: { name: `新单位-${suffix}`, parentId: city, category: '市直部门党组' } });

    // Assess
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: expect.any(String), name: `新单位-${suffix}`, parentId: city, category: '市直部门党组' });
  });

  it("limits GET /api/units to the caller's subtree", async () => {
    // Prepare
    const inspector = await tokenFor(runtime, 'discipline_inspector', county);

    // Act
    const answer = await api<{ units: Array<{ id: string; name: string; parentId: string | null; category: string }> }>(runtime, 'GET', '/api/units', { token: inspector });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.units.map((u) => u.id)).toEqual([county, town]);
    expect(answer.body.units[1]).toEqual({ id: town, name: `镇-${suffix}`, parentId: county, category: '乡镇（街道）党委' });
  });

  it('takes a draft, then a submission, and the dashboard shows each', async () => {
    // Prepare
    const staff = await tokenFor(runtime, 'unit_staff', town);
    const secretary = await tokenFor(runtime, 'unit_secretary', town);
    const countyInspector = await tokenFor(runtime, 'discipline_inspector', county);

    // Act: draft
    const draft = await saveDraftWhenKnown(runtime, town, year, staff);

    // Assess
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ unitId: town, year, status: 'draft', version: 1 });
    await eventually(async () => ((await overview(countyInspector)).units.find((u) => u.unitId === town)?.status === 'draft' ? true : undefined), 10_000, 'draft in dashboard');

    // Act: submit
    const submitted = await api(runtime, 'POST', `/api/units/${town}/annual-reports/${year}/submit`, { token: secretary });

    // Assess
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: false, version: 2 });
    const view = await eventually(async () => {
      const o = await overview(countyInspector);
      return o.units.find((u) => u.unitId === town)?.status === 'submitted' ? o : undefined;
    }, 10_000, 'submission in dashboard');
    expect(view).toEqual({
      year,
      expected: 2,
      submitted: 1,
      late: 0,
      missing: 1,
      units: [
        { unitId: county, name: `县-${suffix}`, parentId: city, status: 'missing' },
        { unitId: town, name: `镇-${suffix}`, parentId: county, status: 'submitted' },
      ],
    });
  });

  it('marks a submission after 31 January of the next year as late', async () => {
    // Prepare
    const secretary = await tokenFor(runtime, 'unit_secretary', county);
    await saveDraftWhenKnown(runtime, county, 2020, secretary);

    // Act
    const answer = await api(runtime, 'POST', `/api/units/${county}/annual-reports/2020/submit`, { token: secretary });

    // Assess
    expect(answer.body).toMatchObject({ status: 'submitted', late: true });
    const o = await eventually(async () => {
      const v = await overview(await tokenFor(runtime, 'admin'), 2020);
      return v.units.find((u) => u.unitId === county)?.status === 'late' ? v : undefined;
    }, 10_000, 'late submission in dashboard');
    expect(o.units.find((u) => u.unitId === county)).toEqual({ unitId: county, name: `县-${suffix}`, parentId: city, status: 'late' });
  });

  it('refuses a second submission with 409', async () => {
    // Prepare
    const secretary = await tokenFor(runtime, 'unit_secretary', town);

    // Act
    const answer = await api(runtime, 'POST', `/api/units/${town}/annual-reports/${year}/submit`, { token: secretary });

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.contentType).toBe('application/problem+json');
  });

  it('fires the deadline run at a chosen time: the report’s 7-day reminder goes to every unit below a root, the one of this slice that submitted excepted', async () => {
    // Prepare: a year nothing else reports on; the town submits it.
    const later = 2032;
    await saveDraftWhenKnown(runtime, town, later, await tokenFor(runtime, 'unit_staff', town));
    expect((await api(runtime, 'POST', `/api/units/${town}/annual-reports/${later}/submit`, { token: await tokenFor(runtime, 'unit_secretary', town) })).status).toBe(200);
    type Fired = { scheduledTime: string; result: { deadlines: Array<{ kind: string; subject: string; action: string; offsetDays?: number; pending: number }>; reminders: number } };
    const units = async () =>
      ((await documentClient().send(new QueryCommand({ TableName: 'reports', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'UNITS' } }))).Items ?? []).map(knownUnitOf);

    // The units that submitted the year: the town, and any unit another test on these tables (the
    // fuzz test's, say) may have submitted for it.
    const done = async () =>
      new Set(
        ((await documentClient().send(new QueryCommand({ TableName: 'reports', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `SET#done#annualReport#${later}` } }))).Items ?? []).flatMap(
          (i) => [...((i.ids as Set<string> | undefined) ?? [])],
        ),
      );

    // Act: fire until the town's submission has reached the engine and no unit was still on its way.
    // A run reads every unit of the tables, which other tests have filled: it is given a minute.
    const { fired, expected } = await eventually(async () => {
      const before = (await units()).filter((u) => u.ancestorIds.length > 0);
      const result = (await runtime.fire('reports-runDeadlines', new Date('2033-01-24T01:00:00Z'))) as Fired;
      const after = (await units()).filter((u) => u.ancestorIds.length > 0);
      const submitted = await done();
      const owing = after.filter((u) => !submitted.has(u.id)).length;
      const deadline = result.result.deadlines.find((d) => d.kind === 'annualReport' && d.subject === String(later));
      return before.length === after.length && submitted.has(town) && deadline?.pending === owing ? { fired: result, expected: owing } : undefined;
    }, 60_000, 'a run that knows every unit and the town’s submission');

    // Assess: run at the scheduled time asked for, not the clock's; the town is not owing.
    expect(fired.scheduledTime).toBe('2033-01-24T01:00:00.000Z');
    expect(fired.result.deadlines).toContainEqual({ kind: 'annualReport', subject: String(later), dueAt: '2033-01-31T23:59:59+08:00', action: 'remind', offsetDays: 7, pending: expected });
  });
});

describe('the correlation id', () => {
  it('is the request id at the edge, and the event the request caused carries it with the incoming trace', async () => {
    // Prepare
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    // Act
    const res = await fetch(`${runtime.url}/api/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(runtime, 'admin')}`, 'content-type': 'application/json', traceparent },
      body: JSON.stringify({ name: `追踪-${suffix}`, category: '市直部门党组', parentId: city }),
    });
    const { id } = (await res.json()) as { id: string };

    // Assess
    const requestId = res.headers.get('apigw-requestid');
    expect(requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    // A scan reads 1 MB a page and filters after: read every page (the table holds every test's data).
    const Items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new ScanCommand({ TableName: 'signing', FilterExpression: 'kind = :outbox AND #k = :unit', ExpressionAttributeNames: { '#k': 'key' }, ExpressionAttributeValues: { ':outbox': 'outbox', ':unit': id }, ExclusiveStartKey: start }),
      );
      Items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(Items).toHaveLength(1);
    expect(JSON.parse(Items[0]!.event as string)).toMatchObject({ type: 'signing.UnitRegistered.v1', correlationid: requestId, traceparent });
  });
});

describe('the metrics page', () => {
  it('shows, to the whole tree’s admin, the counts since start: responses by class and consumer outcomes', async () => {
    // Act
    const answer = await api<Record<string, number>>(runtime, 'GET', '/_local/metrics', { token: await tokenFor(runtime, 'admin') });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body['HttpResponses{service=signing,statusClass=2xx}']).toBeGreaterThanOrEqual(5);
    expect(answer.body['HttpResponses{service=reports,statusClass=4xx}']).toBeGreaterThanOrEqual(1);
    expect(answer.body['ConsumerApplied{consumer=dashboard-onReportsEvents,service=dashboard}']).toBeGreaterThanOrEqual(2);
  });
});

describe('the events the runtime hands functions', () => {
  it('have the real AWS shapes', () => {
    // Prepare
    const byKind = (kind: string) => invocations.filter(({ fn }) => fn.spec.triggers[0]?.type === kind);

    // Assess
    expect(byKind('http').length).toBeGreaterThan(5);
    expect(byKind('kafka').length).toBeGreaterThan(2);
    expect(byKind('stream').length).toBeGreaterThan(2);
    for (const { event } of byKind('http')) expect(APIGatewayProxyEventV2Schema.safeParse(event).error).toBeUndefined();
    for (const { event } of byKind('kafka')) expect(KafkaMskEventSchema.safeParse(event).error).toBeUndefined();
    for (const { event } of byKind('stream')) expect(DynamoDBStreamSchema.safeParse(event).error).toBeUndefined();
  });
});
