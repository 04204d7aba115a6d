/**
 * Where a talk stands in its workflow and who may act on it here: the joint talk's six steps with the
 * current one, the other kinds without the approval, and the actions each person is offered.
 */
import { currentStep, mayApprove, mayFilePlan, mayRecord, monthName, positionDue, talkSummary, talksByMonth, workflowOf, type Viewer } from '../../src/talkRules.js';
import type { TalkSummary } from '../../src/interviews.js';
import { heldJointTalk, jointTalk } from '../fixtures/index.js';

const citySecretary: Viewer = { role: 'unit_secretary', unitId: 'city', subject: 'person-city-secretary' };
const countySecretary: Viewer = { role: 'unit_secretary', unitId: 'county', subject: 'person-county-secretary' };
const cityCommission: Viewer = { role: 'discipline_inspector', unitId: 'city', subject: 'person-city-discipline-chief' };
const countyCommission: Viewer = { role: 'discipline_inspector', unitId: 'county', subject: 'person-county-discipline-chief' };

const position = (personId: string, stated: boolean) => ({ person: { personId, unitId: 'county', name: personId, title: '' }, stated });

/** The joint talk held as a list gives it, the county's secretary and discipline chief to state positions. */
const held = (stated: { secretary?: boolean; chief?: boolean } = {}): TalkSummary => ({
  ...jointTalk(),
  status: 'held',
  heldOn: '2027-05-12',
  positions: [position('person-county-secretary', stated.secretary ?? false), position('person-county-discipline-chief', stated.chief ?? false)],
  next: null,
});

const states = (talk: Pick<TalkSummary, 'kind' | 'status' | 'positions'>) => workflowOf(talk).map((s) => `${s.step}:${s.state}`);

describe('a talk’s record as a list gives it', () => {
  it('takes the shape of a list’s talk, without the record’s words', () => {
    // Prepare
    const record = heldJointTalk();

    // Act
    const summary = talkSummary(record);

    // Assess
    expect(Object.keys(summary).sort()).toEqual(Object.keys(jointTalk()).sort());
    expect(JSON.stringify(summary)).not.toContain('主体责任落实不到位');
    expect(JSON.stringify(summary)).not.toContain('诚恳接受批评');
    expect(summary).toMatchObject({ talkId: record.talkId, status: 'held', revision: 4, next: record.next });
  });

  it('says of each position only whether it is stated, so that the rules read the record as they read the list', () => {
    // Act
    const summary = talkSummary(heldJointTalk());

    // Assess
    expect(summary.positions.map((p) => [p.person.personId, p.stated])).toEqual([
      ['person-county-secretary', true],
      ['person-county-discipline-chief', false],
    ]);
    expect(currentStep(summary)).toBe('state');
    expect(positionDue(summary, countyCommission)).toBe(true);
    expect(positionDue(summary, countySecretary)).toBe(false);
  });
});

describe('the workflow of a talk', () => {
  it('has a joint talk proposed wait on its approval, the proposal done', () => {
    // Act
    const steps = states(jointTalk());

    // Assess
    expect(steps).toEqual(['propose:done', 'approve:current', 'hold:todo', 'state:todo', 'plan:todo', 'rectify:todo']);
  });

  it('skips the approval for the other kinds: a warning talk proposed waits on the talk itself', () => {
    // Act
    const steps = states({ ...jointTalk(), kind: 'warning' });

    // Assess
    expect(steps).toEqual(['propose:done', 'hold:current', 'state:todo', 'plan:todo', 'rectify:todo']);
  });

  it('waits on the positions while any is unstated, then on the plan', () => {
    // Act
    const oneStated = currentStep(held({ secretary: true }));
    const allStated = currentStep(held({ secretary: true, chief: true }));

    // Assess
    expect(oneStated).toBe('state');
    expect(allStated).toBe('plan');
  });

  it('marks a suggested talk as waiting on its proposal, a rectifying one on the rectification, and a closed one as all done', () => {
    // Act
    const suggested = states({ ...jointTalk(), kind: 'reminder', status: 'suggested' });
    const rectifying = states({ ...held({ secretary: true, chief: true }), status: 'rectifying' });
    const closed = states({ ...held({ secretary: true, chief: true }), status: 'closed' });

    // Assess
    expect(suggested[0]).toBe('propose:current');
    expect(rectifying.at(-1)).toBe('rectify:current');
    expect(rectifying.filter((s) => s.endsWith(':done'))).toHaveLength(5);
    expect(closed.every((s) => s.endsWith(':done'))).toBe(true);
  });
});

describe('the actions offered on a talk', () => {
  it('offers the approval of a proposed joint talk to the host unit’s party secretary only', () => {
    // Prepare
    const talk = jointTalk();

    // Act and assess
    expect(mayApprove(talk, citySecretary)).toBe(true);
    expect(mayApprove(talk, countySecretary)).toBe(false);
    expect(mayApprove(talk, cityCommission)).toBe(false);
    expect(mayApprove({ ...talk, status: 'approved' }, citySecretary)).toBe(false);
    expect(mayApprove({ ...talk, kind: 'warning' }, citySecretary)).toBe(false);
  });

  it('offers a position to each person due to state one, once', () => {
    // Prepare
    const talk = held({ secretary: true });

    // Act and assess
    expect(positionDue(talk, countySecretary)).toBe(false);
    expect(positionDue(talk, countyCommission)).toBe(true);
    expect(positionDue(jointTalk(), countyCommission)).toBe(false);
  });

  it('offers the plan to the secretary of the unit talked to once every position is stated', () => {
    // Act and assess
    expect(mayFilePlan(held({ secretary: true }), countySecretary)).toBe(false);
    expect(mayFilePlan(held({ secretary: true, chief: true }), countySecretary)).toBe(true);
    expect(mayFilePlan(held({ secretary: true, chief: true }), citySecretary)).toBe(false);
  });

  it('offers the record of a joint talk to the host unit’s commission once approved, of the other kinds to the roles in charge', () => {
    // Prepare
    const approved: TalkSummary = { ...jointTalk(), status: 'approved' };
    const warning: TalkSummary = { ...jointTalk(), kind: 'warning', status: 'suggested' };

    // Act and assess
    expect(mayRecord(jointTalk(), cityCommission)).toBe(false);
    expect(mayRecord(approved, cityCommission)).toBe(true);
    expect(mayRecord(approved, countyCommission)).toBe(false);
    expect(mayRecord(approved, citySecretary)).toBe(false);
    expect(mayRecord(warning, countySecretary)).toBe(true);
    expect(mayRecord(warning, { role: 'unit_staff', unitId: 'county', subject: 'staff' })).toBe(false);
    expect(mayRecord({ ...warning, status: 'held' }, countySecretary)).toBe(false);
  });
});

describe('the talk calendar', () => {
  it('groups the talks by the month they were held or are planned, in order, those with no date last', () => {
    // Prepare
    const talk = (talkId: string, scheduledOn: string | null, heldOn: string | null = null): TalkSummary => ({ ...jointTalk(), talkId, scheduledOn, heldOn });
    const talks = [talk('june', '2027-06-02'), talk('undated', null), talk('may-late', '2027-05-30'), talk('held-early', '2027-06-30', '2027-05-03')];

    // Act
    const months = talksByMonth(talks);

    // Assess
    expect(months.map((m) => [m.month, m.talks.map((t) => t.talkId)])).toEqual([
      ['2027-05', ['held-early', 'may-late']],
      ['2027-06', ['june']],
      [null, ['undated']],
    ]);
    expect(months.map((m) => monthName(m.month))).toEqual(['2027年5月', '2027年6月', '未定日期']);
  });
});
