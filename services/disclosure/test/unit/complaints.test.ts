/** A complaint's life as pure rules: the order of its steps, its due day and overdue, and the one rating. */
import { ConflictError } from '#shared/errors.js';
import { accept, addDays, answer, canRate, isOverdue, rate, refer, type Complaint } from '../../src/domain/complaints.js';
import { attachmentErrors, attachmentRules } from '../../src/domain/attachments.js';

const received: Complaint = {
  complaintId: 'c1',
  receiptHash: 'h',
  channel: 'public',
  unitId: 'town',
  unitName: '青石镇',
  aboutDisciplineBody: false,
  handlingUnitId: 'town',
  raised: false,
  facts: '反映问题',
  contactCipher: null,
  status: 'received',
  filedOn: '2027-03-02',
  dueOn: addDays('2027-03-02', 15),
  answer: null,
  answeredOn: null,
  referral: null,
  rating: null,
  version: 1,
};

describe('a complaint', () => {
  it('is due 15 calendar days after filing, across a month end, and overdue only while open past that day', () => {
    expect(received.dueOn).toBe('2027-03-17');
    expect(addDays('2027-02-20', 15)).toBe('2027-03-07');
    expect(isOverdue(received, '2027-03-17')).toBe(false);
    expect(isOverdue(received, '2027-03-18')).toBe(true);
    expect(isOverdue(answer(received, '已答复', '2027-03-20'), '2027-03-21')).toBe(false);
  });

  it('is accepted once, then answered or referred, each a new version', () => {
    const accepted = accept(received);
    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    expect(() => accept(accepted)).toThrow(ConflictError);
    expect(answer(accepted, '经核查属实', '2027-03-10')).toMatchObject({ status: 'answered', answer: '经核查属实', answeredOn: '2027-03-10', version: 3 });
    expect(refer(received, 'case', '转立案审查', '2027-03-05')).toMatchObject({ status: 'referred', referral: { to: 'case', note: '转立案审查', referredOn: '2027-03-05' }, version: 2 });
    expect(() => refer(answer(accepted, '已答复', '2027-03-10'), 'talk', '转谈话', '2027-03-11')).toThrow(ConflictError);
    expect(() => answer(refer(received, 'otherBody', '转有关部门', '2027-03-05'), '答复', '2027-03-06')).toThrow(ConflictError);
  });

  it('is rated once, and only when closed', () => {
    expect(canRate(received)).toBe(false);
    expect(() => rate(accept(received), 'satisfied')).toThrow(ConflictError);
    const rated = rate(answer(received, '已答复', '2027-03-10'), 'basicallySatisfied');
    expect(rated).toMatchObject({ rating: 'basicallySatisfied', version: 3 });
    expect(canRate(rated)).toBe(false);
    expect(() => rate(rated, 'dissatisfied')).toThrow(ConflictError);
  });
});

describe('an attachment', () => {
  it('is taken when its content is a JPEG, PNG or PDF within the size limit, and named when it is not', () => {
    expect(attachmentErrors(0, 1_000, 'image/png')).toEqual([]);
    expect(attachmentErrors(2, 1_000, 'application/pdf')).toEqual([]);
    expect(attachmentErrors(1, 1_000, undefined)).toEqual([{ path: 'body.attachments.1', message: expect.stringContaining('按文件内容识别为 未知类型') }]);
    expect(attachmentErrors(1, 1_000, 'application/zip')).toEqual([{ path: 'body.attachments.1', message: expect.stringContaining('application/zip') }]);
    expect(attachmentErrors(0, attachmentRules.maxBytes + 1, 'image/png')).toEqual([{ path: 'body.attachments.0', message: expect.stringContaining('超过 1 MB') }]);
    expect(attachmentErrors(0, 0, undefined)).toEqual([{ path: 'body.attachments.0', message: expect.stringContaining('附件为空') }]);
  });
});
