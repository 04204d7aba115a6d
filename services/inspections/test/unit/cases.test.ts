/**
 * The case rules without the service: one case through measures, close, look-back and visits; the
 * refusals of each step in the wrong state; who handles a case once escalated.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import { defaultBanRules, defaultDoubleInquirySituations } from '../../src/domain/accountability.js';
import { closeCase, concludeInquiry, decideExemption, escalate, followUpDue, imposeMeasure, lookBackAt, monthsAfter, openCase, requestExemption, visit, type Case } from '../../src/domain/cases.js';

const county = 'county';
const city = 'city';
const exemptions = [{ code: 'explorationWithoutRules' }];
const rules = { bans: defaultBanRules, followUpMonths: 6 };

const opened = (situation: string | null = null): Case =>
  openCase(
    {
      caseId: 'c1',
      unitId: 'town',
      person: { personId: 'p1', unitId: 'town', name: '某某', title: '镇党委委员' },
      handlingUnitId: county,
      source: { kind: 'manual', id: 's1', note: '信访' },
      facts: '事实',
      situation,
      openedOn: '2027-06-01',
      openedBy: 'chief',
    },
    defaultDoubleInquirySituations,
  );

const measure = (c: Case, kind: Parameters<typeof imposeMeasure>[1]['kind'], decidedOn = '2027-07-15', caller = county, ancestors: readonly string[] = [city]) =>
  imposeMeasure(c, { measureId: `m${c.measures.length + 1}`, kind, decidedOn, basis: '依据', banIds: ['b1', 'b2'] }, rules, caller, ancestors).case;

describe('a case', () => {
  it('opens both inquiries in a listed situation, none otherwise, and refuses a situation not listed', () => {
    expect(opened('corruptionRing').inquiries.map((i) => i.kind)).toEqual(['mainResponsibility', 'supervisoryResponsibility']);
    expect(opened().inquiries).toEqual([]);
    expect(() => opened('unlisted')).toThrow(RuleError);
  });

  it('takes a removal with its one-year ban and a follow-up visit due six months on, and closes as accountable', () => {
    const decided = measure(opened(), 'removal');
    expect(decided.status).toBe('decided');
    expect(decided.measures[0]).toMatchObject({ grade: 3, followUpDueOn: '2028-01-15', bans: [{ banId: 'b1', kind: 'equivalentPost', from: '2027-07-15', until: '2028-07-15' }] });
    expect(followUpDue(decided)).toBe('2028-01-15');
    const visited = visit(decided, { visitId: 'v1', visitedOn: '2028-01-10', notes: '稳定' }, county, [city]);
    expect(followUpDue(visited)).toBeNull();
    const closed = closeCase(visited, { outcome: 'accountable', on: '2027-08-01' }, county, [city]);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'accountable', closedOn: '2027-08-01', revision: 4 });
  });

  it('refuses a measure dated before the case opened, and a close as accountable with no measure or as cleared without a clarification', () => {
    expect(() => measure(opened(), 'admonishment', '2027-05-31')).toThrow(RuleError);
    expect(() => closeCase(opened(), { outcome: 'accountable', on: '2027-08-01' }, county, [city])).toThrow(ConflictError);
    expect(() => closeCase(opened(), { outcome: 'cleared', on: '2027-08-01' }, county, [city])).toThrow(RuleError);
    expect(() => closeCase(measure(opened(), 'admonishment'), { outcome: 'cleared', on: '2027-08-01', clarification: { clarificationId: 'k', text: '澄清', issuedOn: '2027-08-01' } }, county, [city])).toThrow(ConflictError);
  });

  it('waits for both inquiries before it closes', () => {
    const c = measure(opened('serialCases'), 'circulatedCriticism');
    expect(() => closeCase(c, { outcome: 'accountable', on: '2027-08-01' }, county, [city])).toThrow(ConflictError);
    const done = concludeInquiry(concludeInquiry(c, 'mainResponsibility', { accountable: true, text: '失职' }, county, [city]), 'supervisoryResponsibility', { accountable: false, text: '已履职' }, county, [city]);
    expect(() => concludeInquiry(done, 'mainResponsibility', { accountable: true, text: '再次' }, county, [city])).toThrow(ConflictError);
    expect(closeCase(done, { outcome: 'accountable', on: '2027-08-01' }, county, [city]).status).toBe('closed');
  });

  it('is handled one level up once escalated: the commission below meets a 409, the one above acts', () => {
    const up = escalate(opened(), '涉及县管干部', '2027-06-10', county, [city]);
    expect(up.handlingUnitId).toBe(city);
    expect(() => measure(up, 'admonishment', '2027-07-15', county, [])).toThrow(ConflictError);
    expect(measure(up, 'admonishment', '2027-07-15', city, []).measures).toHaveLength(1);
    expect(() => escalate(up, '再报', '2027-06-11', city, [])).toThrow(ConflictError);
  });

  it('is exempted through a request and a decision with a clarification notice; no measure after, none before', () => {
    const asked = requestExemption(opened(), { situation: 'explorationWithoutRules', reason: '先行先试', requestedBy: 'sec', on: '2027-06-20' }, exemptions);
    expect(() => requestExemption(asked, { situation: 'explorationWithoutRules', reason: '再', requestedBy: 'sec', on: '2027-06-21' }, exemptions)).toThrow(ConflictError);
    expect(() => measure(asked, 'admonishment')).toThrow(ConflictError);
    expect(() => decideExemption(asked, { grant: true, on: '2027-07-20' }, county, [city])).toThrow(RuleError);
    const granted = decideExemption(asked, { grant: true, on: '2027-07-20', clarification: { clarificationId: 'k', text: '澄清正名', issuedOn: '2027-07-20' } }, county, [city]);
    expect(granted).toMatchObject({ status: 'closed', outcome: 'exempted', clarification: { text: '澄清正名' }, exemption: { decision: 'granted' } });
    expect(() => requestExemption(measure(opened(), 'admonishment'), { situation: 'explorationWithoutRules', reason: '晚了', requestedBy: 'sec', on: '2027-07-20' }, exemptions)).toThrow(ConflictError);
    expect(() => requestExemption(opened(), { situation: 'unlisted', reason: '无', requestedBy: 'sec', on: '2027-06-20' }, exemptions)).toThrow(RuleError);
    const refused = decideExemption(asked, { grant: false, on: '2027-07-20' }, county, [city]);
    expect(refused).toMatchObject({ status: 'open', exemption: { decision: 'refused' } });
    expect(measure(refused, 'admonishment').status).toBe('decided');
  });

  it('is reopened by a look-back only when closed, and only with the reason', () => {
    const closed = closeCase(measure(opened(), 'orderedSelfExamination'), { outcome: 'accountable', on: '2027-08-01' }, county, [city]);
    expect(() => lookBackAt(closed, { shortfall: true, on: '2028-03-10' }, county, [city])).toThrow(RuleError);
    const kept = lookBackAt(closed, { shortfall: false, on: '2028-03-10' }, county, [city]);
    expect(kept).toMatchObject({ status: 'closed', lookBacks: [{ shortfall: false }] });
    const reopened = lookBackAt(closed, { shortfall: true, reason: '问责偏轻', on: '2028-03-10' }, county, [city]);
    expect(reopened).toMatchObject({ status: 'reopened', outcome: null, closedOn: null });
    expect(() => lookBackAt(reopened, { shortfall: true, reason: '再', on: '2028-03-11' }, county, [city])).toThrow(ConflictError);
    expect(measure(reopened, 'demotion').measures.at(-1)!.bans[0]).toMatchObject({ kind: 'promotion', until: '2029-07-15' });
  });

  it('counts months to the end of a shorter month', () => {
    expect(monthsAfter('2027-08-31', 6)).toBe('2028-02-29');
    expect(monthsAfter('2027-12-15', 1)).toBe('2028-01-15');
  });
});
