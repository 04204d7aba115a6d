/**
 * A public complaint's life: received → accepted → answered, or referred (to a case, a talk or
 * another body); rated once after it is closed. Pure: the use cases read, decide here and write.
 */
import { ConflictError } from '#shared/errors.js';
import type { AttachmentRecord } from './attachments.js';
import type { ClueKind, Rating, ReferralKind, ComplaintChannel } from '#events/disclosure/parts.js';

export type ComplaintStatus = 'received' | 'accepted' | 'answered' | 'referred';

export interface Complaint {
  readonly complaintId: string;
  /** The hash of its receipt code; null for a village committee's clue, which has none. */
  readonly receiptHash: string | null;
  readonly channel: ComplaintChannel;
  /** A village committee's clue: its kind and the month it was filed for. */
  readonly clue?: { readonly kind: ClueKind; readonly month: string };
  /** The unit complained about, and its name when filed. */
  readonly unitId: string;
  readonly unitName: string;
  readonly aboutDisciplineBody: boolean;
  /** The unit whose discipline body handles it, and whether it went one level up. */
  readonly handlingUnitId: string;
  readonly raised: boolean;
  readonly facts: string;
  /** The contact details, encrypted; null when none were given. */
  readonly contactCipher: string | null;
  /** The files attached, each sealed in the bucket under {@link attachmentKey}. */
  readonly attachments?: readonly AttachmentRecord[];
  readonly status: ComplaintStatus;
  readonly filedOn: string;
  readonly dueOn: string;
  readonly answer: string | null;
  readonly answeredOn: string | null;
  readonly referral: { readonly to: ReferralKind; readonly note: string; readonly referredOn: string } | null;
  readonly rating: Rating | null;
  readonly version: number;
}

/** The day `days` calendar days after `day` (`YYYY-MM-DD`). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Where the file of a complaint's attachment `index` is kept in the bucket. */
export const attachmentKey = (complaintId: string, index: number): string => `complaints/${complaintId}/${index}`;

/** What a complaint is filed with; the rest is a new complaint's. */
export type Filing = Pick<Complaint, 'complaintId' | 'receiptHash' | 'channel' | 'clue' | 'unitId' | 'unitName' | 'aboutDisciplineBody' | 'handlingUnitId' | 'raised' | 'facts' | 'contactCipher' | 'attachments'>;

/** A complaint received on `filedOn`, its answer due `answerWithinDays` later. */
export const received = (filing: Filing, filedOn: string, answerWithinDays: number): Complaint => ({
  ...filing,
  status: 'received',
  filedOn,
  dueOn: addDays(filedOn, answerWithinDays),
  answer: null,
  answeredOn: null,
  referral: null,
  rating: null,
  version: 1,
});

const closed = (c: Complaint): boolean => c.status === 'answered' || c.status === 'referred';

/** Open past its due day: counted as overdue in the live figures. */
export const isOverdue = (c: Complaint, today: string): boolean => !closed(c) && c.dueOn < today;

export const accept = (c: Complaint): Complaint => {
  if (c.status !== 'received') throw new ConflictError(`The complaint is ${c.status}: only a received one is accepted`);
  return { ...c, status: 'accepted', version: c.version + 1 };
};

export const answer = (c: Complaint, text: string, today: string): Complaint => {
  if (closed(c)) throw new ConflictError(`The complaint is already ${c.status}`);
  return { ...c, status: 'answered', answer: text, answeredOn: today, version: c.version + 1 };
};

export const refer = (c: Complaint, to: ReferralKind, note: string, today: string): Complaint => {
  if (closed(c)) throw new ConflictError(`The complaint is already ${c.status}`);
  return { ...c, status: 'referred', referral: { to, note, referredOn: today }, version: c.version + 1 };
};

/** Whether the complainant may rate it now: closed and not yet rated. */
export const canRate = (c: Complaint): boolean => closed(c) && c.rating === null;

export const rate = (c: Complaint, rating: Rating): Complaint => {
  if (!canRate(c)) throw new ConflictError('没有可评价的投诉：回执码有误、尚未办结或已评价 / nothing to rate with this code');
  return { ...c, rating, version: c.version + 1 };
};

/** What a complainant reads of each state. */
export const statusTexts: Readonly<Record<ComplaintStatus, string>> = {
  received: '已收到，等待受理',
  accepted: '已受理，正在调查核实',
  answered: '已办结答复',
  referred: '已转办',
};
