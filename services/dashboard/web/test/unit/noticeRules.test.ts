/** A warning notice's status in words, who may reply and review, and the reply date a new notice proposes. */
import { defaultReplyDate, mayReply, mayReview, noticeStatusText, noticeSummary, replyUnderReview } from '../../src/noticeRules.js';
import type { NoticeSummary } from '../../src/interviews.js';
import { repliedWarningNotice, warningNotice } from '../fixtures/index.js';

const warned = { role: 'unit_staff', unitId: 'county', subject: 'person-county-member' } as const;
const commission = { role: 'discipline_inspector', unitId: 'county', subject: 'person-county-discipline-chief' } as const;

const reply = (decision: NoticeSummary['replies'][number]['decision']) => ({ at: '2027-05-10T02:00:00.000Z', onTime: true, decision });

describe('a warning notice', () => {
  it('says its status in Chinese and flags a late reply', () => {
    // Prepare
    const notice = warningNotice();

    // Act and assess
    expect(noticeStatusText(notice)).toBe('待回复');
    expect(noticeStatusText({ ...notice, overdue: true })).toBe('待回复（逾期）');
    expect(noticeStatusText({ ...notice, status: 'replied' })).toBe('已回复待审核');
    expect(noticeStatusText({ ...notice, status: 'returned' })).toBe('已退回');
    expect(noticeStatusText({ ...notice, status: 'accepted' })).toBe('已认可');
  });

  it('takes a reply from the person warned while one is due, again after a return, never after it is accepted', () => {
    // Prepare
    const notice = warningNotice();

    // Act and assess
    expect(mayReply(notice, warned)).toBe(true);
    expect(mayReply(notice, commission)).toBe(false);
    expect(mayReply({ ...notice, status: 'replied' }, warned)).toBe(false);
    expect(mayReply({ ...notice, status: 'returned' }, warned)).toBe(true);
    expect(mayReply({ ...notice, status: 'accepted' }, warned)).toBe(false);
  });

  it('is reviewed by the commission while its last reply awaits a decision', () => {
    // Prepare
    const replied: NoticeSummary = { ...warningNotice(), status: 'replied', replies: [reply('returned'), reply(null)] };

    // Act and assess
    expect(mayReview(replied, commission)).toBe(true);
    expect(mayReview(replied, warned)).toBe(false);
    expect(mayReview(warningNotice(), commission)).toBe(false);
    expect(replyUnderReview(replied)).toBe(replied.replies[1]);
    expect(replyUnderReview({ ...replied, replies: [reply('accepted')] })).toBeUndefined();
  });

  it('finds the reply under review in the notice’s record, with its words', () => {
    // Act
    const under = replyUnderReview(repliedWarningNotice());

    // Assess
    expect(under?.text).toBe('已深刻反思，自即日起杜绝工作日饮酒，每月向分管领导报告。');
  });

  it('takes the shape of a list’s notice from its record, without the tendency, the demands or the replies’ words', () => {
    // Prepare
    const record = repliedWarningNotice();

    // Act
    const summary = noticeSummary(record);

    // Assess
    expect(Object.keys(summary).sort()).toEqual(Object.keys(warningNotice()).sort());
    expect(summary.replies).toEqual([
      { at: '2027-05-10T02:00:00.000Z', onTime: true, decision: 'returned' },
      { at: '2027-05-25T02:00:00.000Z', onTime: true, decision: null },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/饮酒|整改措施不具体|立即纠正/);
    expect(noticeStatusText(summary)).toBe('已回复待审核');
  });

  it('proposes a reply date 15 days after today in China Standard Time', () => {
    // Act: 16:30 UTC on 31 May is already 1 June in Beijing.
    const date = defaultReplyDate(new Date('2027-05-31T16:30:00Z'));

    // Assess
    expect(date).toBe('2027-06-16');
  });
});
