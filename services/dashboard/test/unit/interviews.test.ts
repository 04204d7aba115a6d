import { cstDate } from '#events/envelope.js';
import { loadFixture, withFreshIds } from '#events/fixtures/index.js';
import { InterviewsEvent } from '#events/index.js';
import { tableEnvName } from '#shared/manifest.js';
import { cstYearOf, factsOf, foldNotice, identityOf, interviewsOverview, noticeStepOf, type NoticeEvent, type RecordEvent, type TimedStep } from '../../src/domain/interviews.js';
import * as effects from '../../src/adapters/interviews.js';

// The effects name the table from the environment, as a deployed function does.
process.env[tableEnvName('dashboard', 'main')] ??= 'dashboard';

/** The fixtures' units: the county talked to and warned, and the city above it. */
const county = { id: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03', name: '北湖县', ancestorIds: ['019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02'] };
const city = { id: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02', name: '北湖市', ancestorIds: [] };

type InterviewsType = InterviewsEvent['type'];

/** The fixture of `type` with a fresh event id, `data` laid over it, at `time` when given. */
const event = <T extends InterviewsType>(type: T, data: Record<string, unknown> = {}, time?: string) =>
  InterviewsEvent.parse({ ...withFreshIds(type, county.id, { ...heldThen(type, time), ...data }), ...(time ? { time } : {}) }) as Extract<InterviewsEvent, { type: T }>;

/** A talk held is recorded the day it was held, unless a test says otherwise. */
function heldThen(type: string, time: string | undefined): Record<string, unknown> {
  return type === 'interviews.TalkHeld.v1' && time ? { heldOn: cstDate(new Date(time)) } : {};
}

/** A notice's step as the read model keeps it: when its event happened, and which event. */
const step = (e: NoticeEvent): TimedStep => ({ at: new Date(e.time).toISOString(), eventId: e.id, step: noticeStepOf(e) });

/** The fixture notice's events, each at the time given. */
const notice = {
  issued: (time = '2041-05-06T10:00:00+08:00') => event('interviews.WarningNoticeIssued.v1', {}, time),
  received: (time: string) => event('interviews.WarningReplyReceived.v1', {}, time),
  returned: (time: string) => event('interviews.WarningReplyReturned.v1', {}, time),
  accepted: (time: string) => event('interviews.WarningReplyAccepted.v1', {}, time),
  overdue: (time: string) => event('interviews.WarningReplyOverdue.v1', {}, time),
};

/** The person ids the fixtures name, none of which the read model may keep. */
const personIds = [
  ...new Set(
    InterviewsEvent.options
      .map((o) => JSON.stringify(loadFixture(o.shape.type.value)))
      .flatMap((text) => [...text.matchAll(/"personId":\s*"([^"]+)"/g)].map((m) => m[1]!)),
  ),
];

describe('the facts kept of talks and education', () => {
  it('keep a talk held by its kind and its source’s kind, in the CST year of the event', () => {
    // Act
    const facts = factsOf(event('interviews.TalkHeld.v1'));

    // Assess
    expect(facts).toEqual([{ kind: 'talkHeld', unitId: county.id, year: 2027, talkId: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e2001', talkKind: 'joint', sourceKind: 'keyTaskLight' }]);
  });

  it('count a proposed talk only when the service suggested it', () => {
    // Act
    const byPerson = factsOf(event('interviews.TalkProposed.v1'));
    const suggested = factsOf(event('interviews.TalkProposed.v1', { suggested: true }));

    // Assess
    expect(byPerson).toEqual([]);
    expect(suggested).toEqual([{ kind: 'talkSuggested', unitId: county.id, year: 2027, talkId: '019a7b2e-4c1d-7f00-8a11-3d2f6b9e2001' }]);
  });

  it('take the year in China Standard Time, and the year an education event names', () => {
    // Prepare: 00:30 on New Year's Day in Beijing is still the old year in UTC, and the other way round.
    const newYearInBeijing = event('interviews.TalkHeld.v1', {}, '2041-01-01T00:30:00+08:00');
    const oldYearInBeijing = event('interviews.TalkHeld.v1', {}, '2041-12-31T23:30:00+08:00');
    const sessionOfLastYear = event('interviews.EducationSessionHeld.v1', { year: 2040 }, '2041-01-05T10:00:00+08:00');

    // Act
    const years = [newYearInBeijing, oldYearInBeijing, sessionOfLastYear].map((e) => factsOf(e)[0]?.year);

    // Assess
    expect(years).toEqual([2041, 2041, 2040]);
    expect(cstYearOf('2040-12-31T16:30:00.000Z')).toBe(2041);
  });

  it('count a talk in the year it was held, even when recorded in the next', () => {
    // Act
    const facts = factsOf(event('interviews.TalkHeld.v1', { heldOn: '2040-12-30' }, '2041-01-03T10:00:00+08:00'));

    // Assess
    expect(facts.map((f) => f.year)).toEqual([2040]);
  });

  it('are the same fact for the same record whatever the event id, and the plan of a year is one whatever its filing', () => {
    // Prepare
    const held = factsOf(event('interviews.TalkHeld.v1'));
    const heldAgain = factsOf(event('interviews.TalkHeld.v1'));
    const plan = factsOf(event('interviews.EducationPlanFiled.v1'));
    const planFiledAgain = factsOf(event('interviews.EducationPlanFiled.v1', { planId: 'second-filing', sessionsPlanned: 8 }));
    const otherSession = factsOf(event('interviews.EducationSessionHeld.v1', { sessionId: 'another-session' }));

    // Act
    const identities = [held, heldAgain, plan, planFiledAgain, factsOf(event('interviews.EducationSessionHeld.v1')), otherSession].map((f) => identityOf(f[0]!));

    // Assess
    expect(identities[0]).toBe(identities[1]);
    expect(identities[2]).toBe(identities[3]);
    expect(identities[4]).not.toBe(identities[5]);
    expect(new Set(identities).size).toBe(4);
  });
});

describe('the effects of interviews.events', () => {
  const effectOf: Record<string, (e: never) => Array<Record<string, unknown>>> = {
    'interviews.TalkProposed.v1': effects.talkProposed,
    'interviews.TalkHeld.v1': effects.talkHeld,
    'interviews.WarningNoticeIssued.v1': effects.warningNoticeIssued,
    'interviews.WarningReplyReceived.v1': effects.warningReplyReceived,
    'interviews.WarningReplyReturned.v1': effects.warningReplyReturned,
    'interviews.WarningReplyAccepted.v1': effects.warningReplyAccepted,
    'interviews.WarningReplyOverdue.v1': effects.warningReplyOverdue,
    'interviews.EducationPlanFiled.v1': effects.educationPlanFiled,
    'interviews.EducationSessionHeld.v1': effects.educationSessionHeld,
    'interviews.TrainingCompleted.v1': effects.trainingCompleted,
  };

  it('are Puts and Updates without a condition that keep no person’s id', () => {
    // Prepare
    const events = Object.keys(effectOf).map((type) => event(type as InterviewsType, type === 'interviews.TalkProposed.v1' ? { suggested: true } : {}));

    // Act
    const actions = events.flatMap((e) => effectOf[e.type]!(e as never));
    const text = JSON.stringify(actions);

    // Assess
    expect(personIds.length).toBeGreaterThan(5);
    expect(actions).toHaveLength(events.length);
    for (const action of actions) expect(JSON.stringify(action)).not.toMatch(/ConditionExpression/);
    for (const personId of personIds) expect(text).not.toContain(personId);
  });

  it('write a redelivered notice step to the same attribute of the same item', () => {
    // Prepare
    const issued = notice.issued();

    // Act
    const [first, again] = [effects.warningNoticeIssued(issued), effects.warningNoticeIssued(issued)];

    // Assess
    expect(again).toEqual(first);
    expect(first[0]?.Update?.Key).toEqual({ pk: 'WARNING_NOTICES', sk: `UNIT#${county.id}#NOTICE#019a7b2e-4c1d-7f00-8a11-3d2f6b9e2101` });
    expect(Object.values(first[0]?.Update?.ExpressionAttributeNames ?? {})).toContain(`step#2041-05-06T02:00:00.000Z#${issued.id}`);
  });
});

describe('a warning notice', () => {
  const cases: ReadonlyArray<readonly [string, () => NoticeEvent[], { outstanding: boolean; overdue: boolean; accepted: boolean }]> = [
    ['issued, waits for its reply', () => [notice.issued()], { outstanding: true, overdue: false, accepted: false }],
    ['escalated, is overdue', () => [notice.issued(), notice.overdue('2041-05-21T09:00:05+08:00')], { outstanding: true, overdue: true, accepted: false }],
    ['replied to after its escalation, is neither', () => [notice.issued(), notice.overdue('2041-05-21T09:00:05+08:00'), notice.received('2041-05-25T10:00:00+08:00')], { outstanding: false, overdue: false, accepted: false }],
    [
      'replied to before an escalation applied after the reply, is neither',
      () => [notice.issued(), notice.received('2041-05-21T09:30:00+08:00'), notice.overdue('2041-05-21T09:00:05+08:00')],
      { outstanding: false, overdue: false, accepted: false },
    ],
    ['whose reply was returned, waits again, not overdue', () => [notice.issued(), notice.received('2041-05-15T10:00:00+08:00'), notice.returned('2041-05-18T10:00:00+08:00')], { outstanding: true, overdue: false, accepted: false }],
    [
      'overdue, replied, returned and overdue again, is overdue',
      () => [notice.issued(), notice.overdue('2041-05-21T09:00:05+08:00'), notice.received('2041-05-22T10:00:00+08:00'), notice.returned('2041-05-23T10:00:00+08:00'), notice.overdue('2041-06-01T09:00:05+08:00')],
      { outstanding: true, overdue: true, accepted: false },
    ],
    ['whose reply was accepted, is closed', () => [notice.issued(), notice.received('2041-05-15T10:00:00+08:00'), notice.accepted('2041-05-18T10:00:00+08:00')], { outstanding: false, overdue: false, accepted: true }],
  ];

  it.each(cases)('%s', (_, events, expected) => {
    // Prepare
    const steps = events().map(step);

    // Act
    const forward = foldNotice(steps);
    const backward = foldNotice([...steps].reverse());

    // Assess: the order the steps are applied in does not matter.
    expect(forward).toEqual({ issued: true, ...expected });
    expect(backward).toEqual(forward);
  });

  it('is not counted while its issue is not known', () => {
    // Act
    const state = foldNotice([step(notice.overdue('2041-05-21T09:00:05+08:00'))]);

    // Assess
    expect(state).toEqual({ issued: false, outstanding: false, overdue: false, accepted: false });
  });
});

describe('the counts of a year', () => {
  it('count each record once per unit, sum attendance, give units without activity zeros, and total them', () => {
    // Prepare
    const records: RecordEvent[] = [
      event('interviews.TalkHeld.v1', {}, '2041-07-12T16:00:00+08:00'),
      event('interviews.TalkHeld.v1', {}, '2041-07-12T16:00:00+08:00'), // the same talk again, under another event id
      event('interviews.TalkHeld.v1', { talkId: 'talk-2', kind: 'warning', source: { kind: 'hotline', id: 'clue-1' } }, '2041-08-01T10:00:00+08:00'),
      event('interviews.TalkHeld.v1', { talkId: 'talk-3', kind: 'integrity' }, '2040-12-31T23:00:00+08:00'), // last year
      event('interviews.TalkProposed.v1', { talkId: 'talk-4', suggested: true }, '2041-04-02T09:00:00+08:00'),
      event('interviews.EducationPlanFiled.v1', { year: 2041 }),
      event('interviews.EducationPlanFiled.v1', { year: 2041, planId: 'second-filing' }),
      event('interviews.EducationSessionHeld.v1', { year: 2041 }),
      event('interviews.EducationSessionHeld.v1', { year: 2041, sessionId: 'session-2', attendance: 30 }),
      event('interviews.TrainingCompleted.v1', { year: 2041 }),
      event('interviews.TrainingCompleted.v1', { year: 2041, unitId: 'out-of-reach' }),
    ];
    const notices = [
      { noticeId: 'n1', steps: [notice.issued(), notice.overdue('2041-05-21T09:00:05+08:00')] },
      { noticeId: 'n2', steps: [notice.issued(), notice.received('2041-05-15T10:00:00+08:00'), notice.accepted('2041-05-18T10:00:00+08:00')] },
      { noticeId: 'n3', steps: [notice.issued('2040-12-20T10:00:00+08:00')], issuedYear: 2040 },
    ].map((n) => ({ noticeId: n.noticeId, unitId: county.id, issuedYear: n.issuedYear ?? 2041, steps: n.steps.map(step) }));

    // Act
    const overview = interviewsOverview(2041, [city, county], records.flatMap(factsOf), notices);

    // Assess
    const zeroKinds = { integrity: 0, reminder: 0, warning: 0, joint: 0, admonishment: 0 };
    const zeroSources = { keyTaskLight: 0, hearingComment: 0, rectification: 0, patrolFinding: 0, complaint: 0, onlineOpinion: 0, hotline: 0, supervision: 0, manual: 0, assessment: 0 };
    const countyCounts = {
      talksByKind: { ...zeroKinds, joint: 1, warning: 1 },
      talksBySource: { ...zeroSources, keyTaskLight: 1, hotline: 1 },
      suggested: 1,
      noticesIssued: 2,
      noticesOutstanding: 1,
      noticesOverdue: 1,
      noticesAccepted: 1,
      planFiled: 1,
      sessions: 2,
      attendance: 72,
      trainings: 1,
    };
    expect(overview.year).toBe(2041);
    expect(overview.rows).toEqual([
      {
        unitId: city.id,
        name: city.name,
        parentId: null,
        talksByKind: zeroKinds,
        talksBySource: zeroSources,
        suggested: 0,
        noticesIssued: 0,
        noticesOutstanding: 0,
        noticesOverdue: 0,
        noticesAccepted: 0,
        planFiled: 0,
        sessions: 0,
        attendance: 0,
        trainings: 0,
      },
      { unitId: county.id, name: county.name, parentId: city.id, ...countyCounts },
    ]);
    expect(overview.totals).toEqual(countyCounts);
  });

  it('total the plans filed as the units that filed one', () => {
    // Prepare
    const plans = [county, city].map((u) => factsOf(event('interviews.EducationPlanFiled.v1', { unitId: u.id, year: 2041 }))).flat();

    // Act
    const overview = interviewsOverview(2041, [city, county], plans, []);

    // Assess
    expect(overview.rows.map((r) => r.planFiled)).toEqual([1, 1]);
    expect(overview.totals.planFiled).toBe(2);
  });
});
