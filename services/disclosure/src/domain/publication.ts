/**
 * Publication (公开): what an event of another service may become once a named reviewer approves it,
 * built from an allow-list per kind. A candidate holds only what its kind's allow-list takes from
 * the event, names already masked; when it is published, the unit names it shows (masked below the
 * configured level) and a key task's title are added, and the whole is scanned once more. Nothing
 * else of the event is ever stored. Pure functions.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { ReportsEvent, InspectionsEvent } from '#events/index.js';
import type { DisclosureScope, PublicationKind, PublicPayload } from '#events/disclosure/parts.js';
import type { MeasureKind } from '#events/inspections/parts.js';
import { allowListed, PersonalValueError, type PublicValue } from './redaction.js';

export type PublicationStatus = 'proposed' | 'published' | 'rejected' | 'withdrawn' | 'refused';

/** What an event proposes: the item's kind, units, default scope and its allow-listed fields. */
export interface Candidate {
  readonly kind: PublicationKind;
  /** The unit the item is about, by which the public browses. */
  readonly unitId: string;
  /** The unit whose discipline body reviews the item; a `subtree` item is read within its subtree. */
  readonly reviewUnitId: string;
  readonly scope: DisclosureScope;
  /** The key task whose title a progress report or a light shows, once published. */
  readonly taskId: string | null;
  /** The allow-listed fields, names masked: never more than the published payload will hold. */
  readonly draft: PublicPayload;
}

export interface PublicationItem extends Candidate {
  readonly itemId: string;
  readonly status: PublicationStatus;
  readonly source: { readonly type: string; readonly id: string };
  readonly proposedOn: string;
  /** Who approved or rejected the item, and when. */
  readonly reviewer: { readonly subject: string; readonly role: string } | null;
  readonly reviewedOn: string | null;
  /** Why it was rejected, withdrawn or refused. */
  readonly reason: string | null;
  readonly published: Published | null;
  readonly withdrawnOn: string | null;
  readonly version: number;
}

/** What is published: a title and the payload, both redacted. */
export interface Published {
  readonly title: string;
  readonly payload: PublicPayload;
  readonly scope: DisclosureScope;
  readonly scopeUnitId: string;
  readonly publishedOn: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const whole = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const yesNo = (value: unknown): boolean => value === true;

const measureNames: Readonly<Record<MeasureKind, string>> = {
  circulatedCriticism: '通报批评',
  orderedSelfExamination: '责令检查',
  admonishment: '诫勉',
  suspension: '停职检查',
  reassignment: '调整职务',
  orderedResignation: '责令辞职',
  removal: '免职',
  demotion: '降职',
  partyWarning: '党内警告',
  seriousWarning: '党内严重警告',
  removalFromPartyPosts: '撤销党内职务',
  probation: '留党察看',
  expulsion: '开除党籍',
};
const lightNames = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;

/** The allow-list of each kind: the fields a candidate keeps, each through its redaction. */
const allowLists = {
  keyTask: { year: whole, title: text, goal: text, measures: text, leadOffice: text, milestones: (v: unknown) => (Array.isArray(v) ? v.map((m: { date: string; text: string }) => `${m.date} ${m.text}`).join('；') : '') },
  keyTaskProgress: { year: whole, note: text, evidenceCount: (v: unknown) => (Array.isArray(v) ? v.length : 0), requestsClosing: yesNo, reportedOn: text },
  keyTaskLight: { year: whole, quarter: whole, light: (v: unknown) => lightNames[v as keyof typeof lightNames] ?? '' },
  ranking: {
    year: whole,
    category: text,
    ranking: (v: unknown): PublicValue =>
      Array.isArray(v) ? v.map((r: { unitId: string; rank: number; overall: number; grade: string; vetoed: boolean }) => ({ rank: r.rank, unitId: r.unitId, overall: r.overall, grade: r.grade, vetoed: r.vetoed })) : [],
  },
  typicalCase: { year: whole, quarter: whole, measures: (v: unknown) => (Array.isArray(v) ? v.map((m: MeasureKind) => measureNames[m] ?? '').join('、') : ''), summary: text },
  clarification: { text, issuedOn: text },
  circulation: {
    year: whole,
    quarter: whole,
    casesOpened: whole,
    doubleInquiries: whole,
    criticism: whole,
    admonishment: whole,
    organisational: whole,
    disciplinary: whole,
    typicalCases: (v: unknown) => (Array.isArray(v) ? v.length : 0),
  },
} satisfies Record<PublicationKind, Record<string, (value: unknown) => PublicValue>>;

interface Place {
  readonly kind: PublicationKind;
  readonly unitId: string;
  readonly reviewUnitId: string;
  readonly scope: DisclosureScope;
  readonly taskId: string | null;
  readonly record: Readonly<Record<string, unknown>>;
}

const place = (kind: PublicationKind, unitId: string, reviewUnitId: string, scope: DisclosureScope, taskId: string | null, record: Readonly<Record<string, unknown>>): Place => ({ kind, unitId, reviewUnitId, scope, taskId, record });

type Source = ReportsEvent | InspectionsEvent;

/**
 * Where an event's item goes, if its type is published at all: the unit's own discipline body
 * reviews what is about the unit, the organising commission what it organised, and the commission
 * that handled a case what it wrote for the public.
 */
const placeOf = (event: Source): Place | undefined => {
  switch (event.type) {
    case 'reports.KeyTaskAdded.v1':
      return place('keyTask', event.data.unitId, event.data.unitId, 'public', null, event.data);
    case 'reports.KeyTaskProgressed.v1':
      return place('keyTaskProgress', event.data.unitId, event.data.unitId, 'public', event.data.taskId, { ...event.data, reportedOn: event.time.slice(0, 10) });
    case 'reports.KeyTaskRated.v1':
      return place('keyTaskLight', event.data.unitId, event.data.unitId, 'public', event.data.taskId, event.data);
    case 'inspections.AssessmentRanked.v1':
      return place('ranking', event.data.unitId, event.data.unitId, event.data.disclosureScope, null, event.data);
    // The texts come with the person's name masked already: inspections holds the name and applies the rule.
    case 'inspections.TypicalCaseMarked.v1':
      return place('typicalCase', event.data.unitId, event.data.actor.unitId ?? event.data.unitId, 'public', null, event.data);
    case 'inspections.ClarificationIssued.v1':
      return place('clarification', event.data.unitId, event.data.actor.unitId ?? event.data.unitId, 'public', null, event.data);
    case 'inspections.AccountabilityCirculated.v1':
      return place('circulation', event.data.unitId, event.data.unitId, 'public', null, { ...event.data, ...event.data.measuresByGrade, typicalCases: event.data.typicalCaseIds });
    default:
      return undefined;
  }
};

/**
 * The candidate an event proposes, if its type is published at all: only what its kind's
 * allow-list takes, names masked; nothing else of the event is kept. One whose text still holds an
 * identity-card or mobile number is `refused`, with an empty draft.
 */
export const candidateOf = (event: Source): (Candidate & { readonly refused: boolean }) | undefined => {
  const found = placeOf(event);
  if (!found) return undefined;
  const { record, ...where } = found;
  try {
    return { ...where, draft: allowListed(record, allowLists[where.kind] as Record<string, (value: unknown) => PublicValue>) as PublicPayload, refused: false };
  } catch (error) {
    if (error instanceof PersonalValueError) return { ...where, draft: {}, refused: true };
    throw error;
  }
};

/** How a published item names a unit (masked below the configured level) and a key task. */
export interface Names {
  readonly unit: (unitId: string) => string;
  readonly taskTitle: string | null;
}

const quarterText = (p: PublicPayload) => `${String(p.year)}年第${String(p.quarter)}季度`;

/** The title of a published item of each kind. */
const titles: Readonly<Record<PublicationKind, (p: PublicPayload, unitName: string, taskTitle: string) => string>> = {
  keyTask: (p, u) => `${u}${String(p.year)}年重点任务：${String(p.title)}`,
  keyTaskProgress: (p, u, t) => `${u}重点任务进展：${t}（${String(p.reportedOn)}）`,
  keyTaskLight: (p, u, t) => `${u}${quarterText(p)}重点任务亮灯：${t}（${String(p.light)}）`,
  ranking: (p, u) => `${u}${String(p.year)}年度党风廉政建设责任制考核排名（${String(p.category)}）`,
  typicalCase: (p, u) => `${quarterText(p)}典型问题通报（${u}）`,
  clarification: (p, u) => `澄清正名通报（${u}，${String(p.issuedOn)}）`,
  circulation: (p, u) => `${u}${quarterText(p)}问责工作情况通报`,
};

/**
 * What an approved item publishes: its draft with the unit's name, a key task's title and, in a
 * ranking, each unit's name in place of its id; scanned once more for personal values.
 */
export const publicationOf = (item: Candidate, names: Names): { title: string; payload: PublicPayload } => {
  const unitName = names.unit(item.unitId);
  const taskTitle = names.taskTitle ?? '';
  const rows = item.draft.ranking;
  const payload = {
    unitName,
    ...(item.taskId ? { taskTitle } : {}),
    ...item.draft,
    ...(Array.isArray(rows) ? { ranking: rows.map(({ unitId, ...row }) => ({ ...row, unitName: names.unit(String(unitId)) })) } : {}),
  };
  const allow = Object.fromEntries(Object.keys(payload).map((field) => [field, (v: unknown) => v as PublicValue]));
  return { title: titles[item.kind](item.draft, unitName, taskTitle), payload: allowListed(payload, allow) as PublicPayload };
};

/** Whether a caller of `callerUnitPath` (its ancestors and itself; null for an admin of the whole tree) may read an item published within `scope`. */
export const visibleTo = (published: Pick<Published, 'scope' | 'scopeUnitId'>, callerUnitPath: readonly string[] | null): boolean =>
  published.scope !== 'subtree' || callerUnitPath === null || callerUnitPath.includes(published.scopeUnitId);

type Review = { readonly subject: string; readonly role: string; readonly on: string };

const step = (item: PublicationItem, from: PublicationStatus, action: string): void => {
  if (item.status !== from) throw new ConflictError(`The item is ${item.status}; only a ${from} item can be ${action}`);
};

/** How far each scope reaches: a reviewer may narrow the scope proposed, never widen it. */
const reach: Readonly<Record<DisclosureScope, number>> = { subtree: 1, system: 2, public: 3 };

/**
 * Approves and publishes a proposed item within `scope`: the candidate's own by default, or a
 * narrower one (a ranking the assessment disclosed within a subtree is never published to anyone).
 */
export const approve = (item: PublicationItem, review: Review, publication: { title: string; payload: PublicPayload }, scope: DisclosureScope = item.scope): PublicationItem => {
  step(item, 'proposed', 'approved');
  if (reach[scope] > reach[item.scope]) throw new RuleError('A scope wider than the one proposed', [{ path: 'body.scope', message: `不得超出拟公开范围（${item.scope}） / wider than the scope proposed` }]);
  return {
    ...item,
    status: 'published',
    scope,
    reviewer: { subject: review.subject, role: review.role },
    reviewedOn: review.on,
    published: { ...publication, scope, scopeUnitId: item.reviewUnitId, publishedOn: review.on },
    version: item.version + 1,
  };
};

/** Rejects a proposed item: it is never published. */
export const reject = (item: PublicationItem, review: Review, reason: string): PublicationItem => {
  step(item, 'proposed', 'rejected');
  return { ...item, status: 'rejected', reviewer: { subject: review.subject, role: review.role }, reviewedOn: review.on, reason, version: item.version + 1 };
};

/** Withdraws a published item, keeping what was published for the record. */
export const withdraw = (item: PublicationItem, on: string, reason: string): PublicationItem => {
  step(item, 'published', 'withdrawn');
  return { ...item, status: 'withdrawn', withdrawnOn: on, reason, version: item.version + 1 };
};
