/**
 * The dashboard's talks, warning notices and integrity education, on the real broker and DynamoDB
 * Local: fixture events published to `interviews.events` for this test's own units, read back
 * through the gateway. Events delivered twice (the same event id) count once; a talk held at half
 * past midnight on New Year's Day in Beijing counts in the new year; a county's inspector sees its
 * county and the town below it, not the sibling county; the city's sees every unit and may ask of
 * one subtree. The year, 2041, is this test's own: tables are shared with the other tests.
 */
import { v7 as uuidv7 } from 'uuid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { InterviewsEvent } from '#events/index.js';
import type { Runtime } from '#infra/local/runtime.js';
import { api, documentClient, eventually, registerUnit, startTestRuntime, tokenFor } from '#infra/local/test/support/harness.js';
import type { InterviewCounts, InterviewsOverview } from '../../src/schemas.js';
import { table } from '../../src/adapters/projection.js';
import { noCounts } from '../../src/domain/interviews.js';
import { interviewsEvent, interviewsPublisher } from '../support/interviewsEvents.js';

let runtime: Runtime;
let publisher: ReturnType<typeof interviewsPublisher>;
const suffix = Date.now().toString(36);
const year = 2041;
const units = { city: '', county: '', town: '', sibling: '' };
const names = { city: `约谈市-${suffix}`, county: `约谈甲县-${suffix}`, town: `约谈镇-${suffix}`, sibling: `约谈乙县-${suffix}` };
/** How many distinct events the test publishes (a redelivery is not one), and what the interviews consumer's cursor stood at before. */
let published = 0;
let cursorBefore = 0;

const zeroKinds = { integrity: 0, reminder: 0, warning: 0, joint: 0, admonishment: 0 };
const zeroSources = { keyTaskLight: 0, hearingComment: 0, rectification: 0, patrolFinding: 0, complaint: 0, onlineOpinion: 0, hotline: 0, supervision: 0, manual: 0, assessment: 0 };

/** Counts at zero, with `counts` laid over them. */
const counts = (over: Partial<InterviewCounts> = {}): InterviewCounts => ({ ...noCounts(), ...over });

/** What the town's events below come to in 2041. */
const townCounts = counts({
  talksByKind: { ...zeroKinds, warning: 1, joint: 1 },
  talksBySource: { ...zeroSources, keyTaskLight: 1, hotline: 1 },
  suggested: 1,
  noticesIssued: 4,
  noticesOutstanding: 2,
  noticesOverdue: 1,
  noticesAccepted: 1,
  planFiled: 1,
  sessions: 2,
  attendance: 72,
  trainings: 1,
});
const countyCounts = counts({ talksByKind: { ...zeroKinds, admonishment: 1 }, talksBySource: { ...zeroSources, manual: 1 }, trainings: 1 });
const siblingCounts = counts({ talksByKind: { ...zeroKinds, integrity: 1 }, talksBySource: { ...zeroSources, complaint: 1 }, noticesIssued: 1, noticesOutstanding: 1 });

/** The applied count of the interviews consumer's cursor. */
const cursorOfInterviews = async (): Promise<number> =>
  Number((await documentClient().send(new GetCommand({ TableName: table(), Key: { pk: 'CURSOR', sk: 'dashboard-onInterviewsEvents' }, ConsistentRead: true }))).Item?.applied ?? 0);

/** A warning notice's events in `unitId`: issued on 6 May 2041, then the steps given, each at its time. */
const noticeEvents = (unitId: string, steps: ReadonlyArray<readonly ['received' | 'returned' | 'accepted' | 'overdue', string]>): InterviewsEvent[] => {
  const noticeId = uuidv7();
  const typeOf = { received: 'interviews.WarningReplyReceived.v1', returned: 'interviews.WarningReplyReturned.v1', accepted: 'interviews.WarningReplyAccepted.v1', overdue: 'interviews.WarningReplyOverdue.v1' } as const;
  return [
    interviewsEvent('interviews.WarningNoticeIssued.v1', unitId, '2041-05-06T10:00:00+08:00', { noticeId }),
    ...steps.map(([step, time]) => interviewsEvent(typeOf[step], unitId, time, { noticeId })),
  ];
};

/** The town's events: talks, four notices in each of their ends, two plans, two sessions and a training, with two events delivered twice. */
const townEvents = (town: string): InterviewsEvent[] => {
  const suggestedTalk = uuidv7();
  const jointHeld = interviewsEvent('interviews.TalkHeld.v1', town, '2041-01-01T00:30:00+08:00', { talkId: uuidv7(), source: { kind: 'hotline', id: uuidv7() } });
  const session = interviewsEvent('interviews.EducationSessionHeld.v1', town, '2041-03-08T18:00:00+08:00', { sessionId: uuidv7(), year, heldOn: '2041-03-08', attendance: 42 });
  const events = [
    interviewsEvent('interviews.TalkHeld.v1', town, '2040-12-31T23:30:00+08:00', { talkId: uuidv7(), kind: 'integrity' }),
    jointHeld,
    interviewsEvent('interviews.TalkProposed.v1', town, '2041-03-01T10:00:00+08:00', { talkId: suggestedTalk, kind: 'warning', suggested: true }),
    interviewsEvent('interviews.TalkProposed.v1', town, '2041-03-02T10:00:00+08:00', { talkId: uuidv7(), kind: 'reminder', suggested: false }),
    interviewsEvent('interviews.TalkHeld.v1', town, '2041-03-10T10:00:00+08:00', { talkId: suggestedTalk, kind: 'warning' }),
    ...noticeEvents(town, [
      ['overdue', '2041-05-21T09:00:05+08:00'],
      ['received', '2041-05-25T10:00:00+08:00'],
    ]),
    ...noticeEvents(town, [
      ['received', '2041-05-15T10:00:00+08:00'],
      ['returned', '2041-05-18T10:00:00+08:00'],
    ]),
    ...noticeEvents(town, [['overdue', '2041-05-21T09:00:05+08:00']]),
    ...noticeEvents(town, [
      ['received', '2041-05-15T10:00:00+08:00'],
      ['accepted', '2041-05-18T10:00:00+08:00'],
    ]),
    interviewsEvent('interviews.EducationPlanFiled.v1', town, '2041-01-10T10:00:00+08:00', { planId: uuidv7(), year }),
    interviewsEvent('interviews.EducationPlanFiled.v1', town, '2041-02-10T10:00:00+08:00', { planId: uuidv7(), year, sessionsPlanned: 8 }),
    session,
    interviewsEvent('interviews.EducationSessionHeld.v1', town, '2041-04-08T18:00:00+08:00', { sessionId: uuidv7(), year, heldOn: '2041-04-08', attendance: 30 }),
  ];
  published += events.length + 1;
  // Delivered again with the same event ids: the talk at once, the session later in the partition.
  return [
    ...events.slice(0, 2),
    jointHeld,
    ...events.slice(2),
    session,
    interviewsEvent('interviews.TrainingCompleted.v1', town, '2041-04-02T18:00:00+08:00', { trainingId: uuidv7(), year, completedOn: '2041-04-02' }),
  ];
};

const countyEvents = (county: string): InterviewsEvent[] => {
  const events = [
    interviewsEvent('interviews.TalkHeld.v1', county, '2041-06-01T10:00:00+08:00', { talkId: uuidv7(), kind: 'admonishment', source: { kind: 'manual', id: uuidv7() } }),
    interviewsEvent('interviews.TrainingCompleted.v1', county, '2041-06-02T18:00:00+08:00', { trainingId: uuidv7(), year, completedOn: '2041-06-02' }),
  ];
  published += events.length;
  return events;
};

const siblingEvents = (sibling: string): InterviewsEvent[] => {
  const events = [
    ...noticeEvents(sibling, []),
    interviewsEvent('interviews.TalkHeld.v1', sibling, '2041-06-01T10:00:00+08:00', { talkId: uuidv7(), kind: 'integrity', source: { kind: 'complaint', id: uuidv7() } }),
  ];
  published += events.length;
  return events;
};

const read = async (token: string, path: string) => {
  const answer = await api<InterviewsOverview>(runtime, 'GET', path, { token });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};
const inspectorOf = (unitId: string) => tokenFor(runtime, 'discipline_inspector', unitId);
const row = (overview: InterviewsOverview, unitId: string) => overview.rows.find((r) => r.unitId === unitId);

beforeAll(async () => {
  runtime = await startTestRuntime();
  units.city = await registerUnit(runtime, names.city, undefined, '市委');
  units.county = await registerUnit(runtime, names.county, units.city);
  units.sibling = await registerUnit(runtime, names.sibling, units.city);
  units.town = await registerUnit(runtime, names.town, units.county, '乡镇（街道）党委');
  const token = await inspectorOf(units.city);
  await eventually(async () => ((await read(token, `/api/dashboard/interviews?year=${year}`)).rows.length === 4 ? true : undefined), 30_000, 'the test’s units on the dashboard');
  cursorBefore = await cursorOfInterviews();
  publisher = interviewsPublisher();
  await publisher.publish([...townEvents(units.town), ...countyEvents(units.county), ...siblingEvents(units.sibling)]);
  // Each unit's events share its key: once its last one shows, those before it are applied.
  await eventually(
    async () => {
      const o = await read(token, `/api/dashboard/interviews?year=${year}`);
      return row(o, units.town)?.trainings === 1 && row(o, units.county)?.trainings === 1 && row(o, units.sibling)?.talksByKind.integrity === 1 ? true : undefined;
    },
    60_000,
    'the last event of each unit on the dashboard',
    200,
  );
}, 120_000);

afterAll(async () => {
  await publisher?.stop();
  await runtime?.stop();
});

describe('the interviews of a county', () => {
  it('show its county inspector the county and the town, each record counted once, and their totals', async () => {
    // Act
    const overview = await read(await inspectorOf(units.county), `/api/dashboard/interviews?year=${year}`);

    // Assess
    expect(overview.year).toBe(year);
    expect(overview.rows).toEqual([
      { unitId: units.county, name: names.county, parentId: units.city, ...countyCounts },
      { unitId: units.town, name: names.town, parentId: units.county, ...townCounts },
    ]);
    expect(overview.totals).toEqual(
      counts({
        ...townCounts,
        talksByKind: { ...zeroKinds, warning: 1, joint: 1, admonishment: 1 },
        talksBySource: { ...zeroSources, keyTaskLight: 1, hotline: 1, manual: 1 },
        trainings: 2,
      }),
    );
  });

  it('count the talk held in the last hour of 2040 in Beijing in 2040 alone', async () => {
    // Act
    const overview = await read(await inspectorOf(units.county), `/api/dashboard/interviews?year=2040`);

    // Assess
    expect(row(overview, units.town)).toEqual({ unitId: units.town, name: names.town, parentId: units.county, ...counts({ talksByKind: { ...zeroKinds, integrity: 1 }, talksBySource: { ...zeroSources, keyTaskLight: 1 } }) });
    expect(overview.totals).toEqual(counts({ talksByKind: { ...zeroKinds, integrity: 1 }, talksBySource: { ...zeroSources, keyTaskLight: 1 } }));
  });

  it('is not shown to the sibling county, which may not ask of it either', async () => {
    // Prepare
    const token = await inspectorOf(units.sibling);

    // Act
    const own = await read(token, `/api/dashboard/interviews?year=${year}`);
    const refused = await api(runtime, 'GET', `/api/dashboard/interviews?year=${year}&unitId=${units.county}`, { token });

    // Assess
    expect(own.rows).toEqual([{ unitId: units.sibling, name: names.sibling, parentId: units.city, ...siblingCounts }]);
    expect(own.totals).toEqual(siblingCounts);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toBe('application/problem+json');
  });
});

describe('the interviews of the city', () => {
  it('show its inspector every unit, the city first with zeros, and one subtree when asked', async () => {
    // Prepare
    const token = await inspectorOf(units.city);

    // Act
    const all = await read(token, `/api/dashboard/interviews?year=${year}`);
    const ofTown = await read(token, `/api/dashboard/interviews?year=${year}&unitId=${units.town}`);

    // Assess
    expect(all.rows[0]).toEqual({ unitId: units.city, name: names.city, parentId: null, ...counts() });
    expect(all.rows.map((r) => r.unitId).sort()).toEqual(Object.values(units).sort());
    expect(all.rows.at(-1)?.unitId).toBe(units.town);
    expect(all.totals).toMatchObject({ noticesIssued: 5, noticesOutstanding: 3, noticesOverdue: 1, noticesAccepted: 1, trainings: 2, sessions: 2, attendance: 72, planFiled: 1 });
    expect(all.totals.talksByKind).toEqual({ ...zeroKinds, integrity: 1, warning: 1, joint: 1, admonishment: 1 });
    expect(ofTown.rows).toEqual([{ unitId: units.town, name: names.town, parentId: units.county, ...townCounts }]);
  });
});

describe('the change cursor', () => {
  it('moved by every event the interviews consumer applied', async () => {
    // Act
    const after = await cursorOfInterviews();

    // Assess
    expect(after - cursorBefore).toBeGreaterThanOrEqual(published);
  });
});
