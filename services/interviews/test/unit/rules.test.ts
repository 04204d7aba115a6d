import { ConflictError, ForbiddenError, RuleError } from '#shared/errors.js';
import type { Caller } from '#shared/auth/claims.js';
import { loadFixture } from '#events/fixtures/index.js';
import { noticeOfSubject, replyDeadlineSubject } from '#events/interviews/parts.js';
import { approve, checkProposer, checkRecorder, proposedTalk, hold, jointConvenors, mayRead, nextStep, shownStatus, statePosition, statingPositionsOf, submitPlan, type Person, type Talk } from '../../src/domain/talks.js';
import { checkReplyDate, isOverdue, mayReadNotice, reply, review, type WarningNotice } from '../../src/domain/notices.js';
import { jointSituations } from '../../src/config.js';

const county = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c02';
const town = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03';
const person = (personId: string, unitId: string, postRole: string, name = personId): Person => ({ personId, unitId, name, title: postRole, postRole });
const hostPosts = [person('sec', county, 'secretary'), person('dep', county, 'deputySecretary'), person('dis', county, 'disciplineChief'), person('org', county, 'teamMember')];
const unitPosts = [person('tsec', town, 'secretary'), person('tdis', town, 'disciplineChief'), person('tmem', town, 'teamMember')];
const caller = (subject: string, role: Caller['role'], unitId: string): Caller => ({ subject, role, unitId });

/** A joint talk as proposed in the fixture of `interviews.TalkProposed.v1`. */
const proposed = (): Talk => {
  const { data } = loadFixture('interviews.TalkProposed.v1') as unknown as { data: { talkId: string; kind: Talk['kind']; unitId: string; hostUnitId: string } };
  return proposedTalk({
    talkId: data.talkId,
    kind: data.kind,
    status: 'proposed',
    unitId: data.unitId,
    hostUnitId: data.hostUnitId,
    subject: '危房改造落实不力',
    source: { kind: 'supervision', id: 'c1', summary: '日常监督发现' },
    trigger: { code: 'keyTaskRed', text: '重点任务连续亮红灯' },
    scheduledOn: null,
    suggested: false,
    proposedBy: 'dis',
    proposedAt: '2026-11-01T10:00:00+08:00',
    interviewees: unitPosts.slice(0, 2),
  });
};
const held = () =>
  hold(approve(proposed(), caller('sec', 'unit_secretary', county), ['sec']), caller('dis', 'discipline_inspector', county), { heldOn: '2026-11-20', convenors: jointConvenors({ partySecretary: 'sec', deputySecretary: 'dep', disciplineChief: 'dis', organisationChief: 'org' }, hostPosts), attendees: [], problems: ['p'], demands: ['d'], followUp: '', belowDivisionLevel: false }, statingPositionsOf(proposed(), unitPosts));

describe('the joint talk', () => {
  it('is proposed only by the commission of a level above the unit', () => {
    expect(() => checkProposer(caller('dis', 'discipline_inspector', county), 'joint', [county])).not.toThrow();
    expect(() => checkProposer(caller('tdis', 'discipline_inspector', town), 'joint', [county])).toThrow(ForbiddenError);
    expect(() => checkProposer(caller('sec', 'unit_secretary', county), 'joint', [county])).toThrow(ForbiddenError);
    // Other kinds are planned by whoever the route lets.
    expect(() => checkProposer(caller('sec', 'unit_secretary', county), 'warning', [county])).not.toThrow();
  });

  it('is approved by the host unit’s secretary, once, and only a joint talk', () => {
    expect(() => approve(proposed(), caller('dep', 'unit_secretary', county), ['sec'])).toThrow(ForbiddenError);
    expect(() => approve(proposed(), caller('tsec', 'unit_secretary', town), ['sec', 'tsec'])).toThrow(ForbiddenError);
    const approved = approve(proposed(), caller('sec', 'unit_secretary', county), ['sec']);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'sec', revision: 2 });
    expect(() => approve(approved, caller('sec', 'unit_secretary', county), ['sec'])).toThrow(ConflictError);
    expect(() => approve({ ...proposed(), kind: 'warning' }, caller('sec', 'unit_secretary', county), ['sec'])).toThrow(ConflictError);
  });

  it('is recorded by the chairing discipline chief of the host unit; any other kind by its proposer or host unit, never by a person talked to', () => {
    expect(() => checkRecorder(proposed(), caller('dis', 'discipline_inspector', county), 'dis')).not.toThrow();
    // Another inspector of the host unit, not the one named as chairing.
    expect(() => checkRecorder(proposed(), caller('dis2', 'discipline_inspector', county), 'dis')).toThrow(ForbiddenError);
    const integrity: Talk = { ...proposed(), kind: 'integrity', proposedBy: 'sec' };
    expect(() => checkRecorder(integrity, caller('sec', 'unit_secretary', county), undefined)).not.toThrow();
    expect(() => checkRecorder(integrity, caller('org', 'organisation_dept', county), undefined)).not.toThrow();
    expect(() => checkRecorder(integrity, caller('x', 'organisation_dept', town), undefined)).toThrow(ForbiddenError);
    expect(() => checkRecorder({ ...integrity, hostUnitId: town }, caller('tsec', 'unit_secretary', town), undefined)).toThrow(ForbiddenError);
  });

  it('is held by four different leaders in their posts, recorded by the host’s discipline chief after approval', () => {
    expect(() => jointConvenors({ partySecretary: 'sec', deputySecretary: 'org', disciplineChief: 'dis', organisationChief: 'org' }, hostPosts)).toThrow(RuleError);
    const convenors = jointConvenors({ partySecretary: 'sec', deputySecretary: 'dep', disciplineChief: 'dis', organisationChief: 'org' }, hostPosts);
    expect(convenors.map((c) => c.as)).toEqual(['党委书记', '专职副书记', '纪委书记', '组织部长']);
    const input = { heldOn: '2026-11-20', convenors, attendees: [], problems: ['p'], demands: ['d'], followUp: '', belowDivisionLevel: false };
    expect(() => hold(proposed(), caller('dis', 'discipline_inspector', county), input, unitPosts)).toThrow(ConflictError);
    const approved = approve(proposed(), caller('sec', 'unit_secretary', county), ['sec']);
    expect(() => hold(approved, caller('sec', 'unit_secretary', county), input, unitPosts)).toThrow(ForbiddenError);
    expect(() => hold(approved, caller('tdis', 'discipline_inspector', town), input, unitPosts)).toThrow(ForbiddenError);
    expect(held().positions.map((p) => p.person.personId)).toEqual(['tsec', 'tdis']);
  });

  it('takes each position once from those due, then the plan from the unit’s secretary; it closes with its items', () => {
    let talk = held();
    expect(() => statePosition(talk, caller('tmem', 'unit_staff', town), 't', 'at')).toThrow(ForbiddenError);
    talk = statePosition(talk, caller('tsec', 'unit_secretary', town), '表态', '2026-11-20T17:00:00+08:00');
    expect(() => statePosition(talk, caller('tsec', 'unit_secretary', town), 'again', 'at')).toThrow(ConflictError);
    const item = { requestId: 'r1', action: 'a', dueDate: '2027-01-01', rectificationId: null, status: 'requested' as const };
    expect(() => submitPlan(talk, caller('tsec', 'unit_secretary', town), ['tsec'], [item])).toThrow(ConflictError);
    expect(nextStep(talk, hostPosts.slice(0, 1), unitPosts.slice(0, 1))).toMatchObject({ step: '表态', personIds: ['tdis'] });
    talk = statePosition(talk, caller('tdis', 'discipline_inspector', town), '表态', '2026-11-20T17:05:00+08:00');
    expect(() => submitPlan(talk, caller('tmem', 'unit_secretary', town), ['tsec'], [item])).toThrow(ForbiddenError);
    talk = submitPlan(talk, caller('tsec', 'unit_secretary', town), ['tsec'], [item]);
    expect(shownStatus(talk)).toBe('rectifying');
    expect(shownStatus({ ...talk, plan: { r1: { ...item, rectificationId: 'r1', status: 'closed' } } })).toBe('closed');
    expect(() => submitPlan(talk, caller('tsec', 'unit_secretary', town), ['tsec'], [item])).toThrow(ConflictError);
  });

  it('is read by the commission, the organisation department and its parties, not by other staff', () => {
    const talk = held();
    expect(mayRead(caller('x', 'discipline_inspector', county), talk)).toBe(true);
    expect(mayRead(caller('x', 'organisation_dept', county), talk)).toBe(true);
    expect(mayRead(caller('sec', 'unit_secretary', county), talk)).toBe(true);
    expect(mayRead(caller('tsec', 'unit_secretary', town), talk)).toBe(true);
    expect(mayRead(caller('tmem', 'unit_staff', town), talk)).toBe(false);
    // The host unit's secretary approves and convenes a joint talk, and reads it; not another kind.
    expect(mayRead(caller('x', 'unit_secretary', county), talk)).toBe(true);
    expect(mayRead(caller('x', 'unit_secretary', county), { ...talk, kind: 'integrity' })).toBe(false);
    expect(mayRead({ subject: 'admin', role: 'admin', unitId: undefined }, talk)).toBe(false);
  });

  it('names eight situations, two of them in the words of the source text', () => {
    expect(jointSituations()).toHaveLength(8);
    expect(jointSituations().filter((s) => s.fromText).map((s) => s.text)).toEqual(['贯彻落实党中央重大决策部署不坚决', '班子成员或其分管领域有轻微违纪违法问题']);
  });
});

describe('warning notices', () => {
  const notice = (): WarningNotice => ({
    noticeId: 'n1',
    unitId: town,
    issuingUnitId: county,
    issuedBy: 'dis',
    person: unitPosts[2]!,
    leaderInCharge: unitPosts[0]!,
    source: { kind: 'hotline', id: 'h1', summary: '热线' },
    tendency: 't',
    demands: 'd',
    issuedAt: '2026-11-01T10:00:00+08:00',
    replyDueAt: '2026-11-15T23:59:59+08:00',
    status: 'issued',
    overdueFor: '2026-11-15T23:59:59+08:00',
    replies: [],
    rectification: null,
    revision: 1,
  });

  it('is replied to by the person warned, on time or late, and the reply clears overdue', () => {
    expect(() => reply(notice(), caller('tsec', 'unit_secretary', town), 'r', new Date(), 'at')).toThrow(ForbiddenError);
    expect(isOverdue(notice())).toBe(true);
    const onTime = reply(notice(), caller('tmem', 'unit_staff', town), 'r', new Date('2026-11-15T23:59:59+08:00'), 'at');
    expect(onTime).toMatchObject({ status: 'replied', replies: [{ onTime: true }] });
    expect(isOverdue(onTime)).toBe(false);
    expect(reply(notice(), caller('tmem', 'unit_staff', town), 'r', new Date('2026-11-16T00:00:00+08:00'), 'at').replies[0]!.onTime).toBe(false);
    expect(() => reply(onTime, caller('tmem', 'unit_staff', town), 'again', new Date(), 'at')).toThrow(ConflictError);
  });

  it('is reviewed by the issuing commission: accepted, or returned with a reason and a new date', () => {
    const replied = reply(notice(), caller('tmem', 'unit_staff', town), 'r', new Date('2026-11-10T10:00:00+08:00'), 'at');
    expect(() => review(replied, caller('tdis', 'discipline_inspector', town), { decision: 'accept' })).toThrow(ForbiddenError);
    expect(() => review(replied, caller('dis', 'discipline_inspector', county), { decision: 'return' })).toThrow(RuleError);
    const returned = review(replied, caller('dis', 'discipline_inspector', county), { decision: 'return', reason: '不具体', replyDueAt: '2026-11-30T23:59:59+08:00' });
    expect(returned).toMatchObject({ status: 'returned', replyDueAt: '2026-11-30T23:59:59+08:00', replies: [{ decision: 'returned', reason: '不具体' }] });
    // Overdue for the first date, not for the new one until the engine escalates it.
    expect(isOverdue(returned)).toBe(false);
    // The same moment however written: the engine gives due times in UTC.
    expect(isOverdue({ ...returned, overdueFor: '2026-11-30T15:59:59.000Z' })).toBe(true);
    expect(() => review(returned, caller('dis', 'discipline_inspector', county), { decision: 'accept' })).toThrow(ConflictError);
    const again = reply(returned, caller('tmem', 'unit_staff', town), 'r2', new Date('2026-11-20T10:00:00+08:00'), 'at');
    expect(review(again, caller('dis', 'discipline_inspector', county), { decision: 'accept' }).status).toBe('accepted');
  });

  it('is read by the person, the leader in charge and the commission only', () => {
    expect(mayReadNotice(caller('tmem', 'unit_staff', town), notice())).toBe(true);
    expect(mayReadNotice(caller('tsec', 'unit_secretary', town), notice())).toBe(true);
    expect(mayReadNotice(caller('x', 'discipline_inspector', county), notice())).toBe(true);
    expect(mayReadNotice(caller('other', 'unit_staff', town), notice())).toBe(false);
    expect(mayReadNotice(caller('other', 'unit_secretary', county), notice())).toBe(false);
  });

  it('takes a reply date still ahead, due at the end of its day in China Standard Time', () => {
    expect(checkReplyDate('2026-11-25', new Date('2026-11-24T12:00:00+08:00'), 'replyDueDate')).toBe('2026-11-25T23:59:59+08:00');
    expect(() => checkReplyDate('2026-11-24', new Date('2026-11-25T00:00:00+08:00'), 'replyDueDate')).toThrow(RuleError);
  });

  it('names its reply deadline so that the escalation finds the notice again', () => {
    expect(noticeOfSubject(replyDeadlineSubject('n1'))).toBe('n1');
    expect(noticeOfSubject('2026')).toBeUndefined();
  });
});
