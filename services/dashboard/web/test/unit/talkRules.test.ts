/**
 * Where a talk stands in its workflow and who may act on it here: the joint talk's six steps with the
 * current one, the other kinds without the approval, and the actions each person is offered.
 */
import { currentStep, mayApprove, mayFilePlan, mayRecord, monthName, positionDue, talksByMonth, workflowOf, type Viewer } from '../../src/talkRules.js';
import type { Talk } from '../../src/interviews.js';
import { jointTalk } from '../fixtures/index.js';

const citySecretary: Viewer = { role: 'unit_secretary', unitId: 'city', subject: 'person-city-secretary' };
const countySecretary: Viewer = { role: 'unit_secretary', unitId: 'county', subject: 'person-county-secretary' };
const cityCommission: Viewer = { role: 'discipline_inspector', unitId: 'city', subject: 'person-city-discipline-chief' };
const countyCommission: Viewer = { role: 'discipline_inspector', unitId: 'county', subject: 'person-county-discipline-chief' };

const position = (personId: string, text: string | null) => ({ person: { personId, unitId: 'county', name: personId, title: '' }, text, at: text === null ? null : '2027-05-13T02:00:00.000Z' });

/** The joint talk held, the county's secretary and discipline chief to state positions. */
const held = (stated: { secretary?: string; chief?: string } = {}): Talk => ({
  ...jointTalk(),
  status: 'held',
  heldOn: '2027-05-12',
  positions: [position('person-county-secretary', stated.secretary ?? null), position('person-county-discipline-chief', stated.chief ?? null)],
  next: null,
});

const states = (talk: Pick<Talk, 'kind' | 'status' | 'positions'>) => workflowOf(talk).map((s) => `${s.step}:${s.state}`);

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
    const oneStated = currentStep(held({ secretary: '诚恳接受批评' }));
    const allStated = currentStep(held({ secretary: '诚恳接受批评', chief: '加强监督' }));

    // Assess
    expect(oneStated).toBe('state');
    expect(allStated).toBe('plan');
  });

  it('marks a suggested talk as waiting on its proposal, a rectifying one on the rectification, and a closed one as all done', () => {
    // Act
    const suggested = states({ ...jointTalk(), kind: 'reminder', status: 'suggested' });
    const rectifying = states({ ...held({ secretary: 'a', chief: 'b' }), status: 'rectifying' });
    const closed = states({ ...held({ secretary: 'a', chief: 'b' }), status: 'closed' });

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
    const talk = held({ secretary: '诚恳接受批评' });

    // Act and assess
    expect(positionDue(talk, countySecretary)).toBe(false);
    expect(positionDue(talk, countyCommission)).toBe(true);
    expect(positionDue(jointTalk(), countyCommission)).toBe(false);
  });

  it('offers the plan to the secretary of the unit talked to once every position is stated', () => {
    // Act and assess
    expect(mayFilePlan(held({ secretary: 'a' }), countySecretary)).toBe(false);
    expect(mayFilePlan(held({ secretary: 'a', chief: 'b' }), countySecretary)).toBe(true);
    expect(mayFilePlan(held({ secretary: 'a', chief: 'b' }), citySecretary)).toBe(false);
  });

  it('offers the record of a joint talk to the host unit’s commission once approved, of the other kinds to the roles in charge', () => {
    // Prepare
    const approved: Talk = { ...jointTalk(), status: 'approved' };
    const warning: Talk = { ...jointTalk(), kind: 'warning', status: 'suggested' };

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
    const talk = (talkId: string, scheduledOn: string | null, heldOn: string | null = null): Talk => ({ ...jointTalk(), talkId, scheduledOn, heldOn });
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
