/**
 * Key tasks (重点任务项目表) and their quarterly lights (红黄绿亮灯). A unit keeps its table of the year and reports progress; closing (销号) needs the
 * commission's confirmation after the unit asks for it; the discipline body rates each task every
 * quarter, and the history of lights is kept. Pure functions.
 */
import { ConflictError, RuleError } from '#shared/errors.js';
import type { PersonRef } from '#events/people.js';
import type { Evidence } from '#events/reports/parts.js';

export type Light = 'red' | 'yellow' | 'green';
export type Quarter = 1 | 2 | 3 | 4;

export interface Milestone {
  readonly date: string;
  readonly text: string;
}

export interface Rating {
  readonly quarter: Quarter;
  readonly light: Light;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

export interface RatingComment {
  readonly quarter: Quarter;
  readonly member: PersonRef;
  readonly text: string;
  readonly at: string;
}

export interface KeyTask {
  readonly taskId: string;
  readonly unitId: string;
  readonly year: number;
  readonly title: string;
  readonly responsible: PersonRef;
  readonly leadOffice: string;
  readonly goal: string;
  readonly measures: string;
  readonly milestones: readonly Milestone[];
  readonly progress: ReadonlyArray<{ readonly at: string; readonly note: string; readonly evidence: readonly Evidence[]; readonly by: string }>;
  readonly closingRequested: boolean;
  readonly closed: { readonly confirmedBy: PersonRef; readonly at: string } | null;
  /** Every rating, oldest first: the current light of a quarter is its last rating. */
  readonly ratings: readonly Rating[];
  readonly comments: readonly RatingComment[];
  readonly revision: number;
}

/** Milestones fall within the task's year, in order. */
export const checkMilestones = (year: number, milestones: readonly Milestone[]): void => {
  const outside = milestones.map((m, i) => ({ m, i })).filter(({ m }) => !m.date.startsWith(`${year}-`));
  if (outside.length > 0) throw new RuleError('Milestones lie outside the year', outside.map(({ i }) => ({ path: `milestones.${i}.date`, message: `时间节点须在${year}年内` })));
};

const open = (task: KeyTask, what: string): void => {
  if (task.closed) throw new ConflictError(`The key task is closed; it takes no ${what}`);
};

export const progress = (task: KeyTask, note: string, evidence: readonly Evidence[], requestsClosing: boolean, by: string, at: string): KeyTask => {
  open(task, 'progress');
  return { ...task, progress: [...task.progress, { at, note, evidence, by }], closingRequested: task.closingRequested || requestsClosing, revision: task.revision + 1 };
};

/** Closing is the commission's confirmation of the unit's request: never the unit's own act. */
export const confirmClosing = (task: KeyTask, confirmedBy: PersonRef, at: string): KeyTask => {
  open(task, 'second closing');
  if (!task.closingRequested) throw new RuleError('The unit has not asked for the task to be closed', [{ path: 'taskId', message: '单位尚未申请销号，不能确认销号' }]);
  return { ...task, closed: { confirmedBy, at }, revision: task.revision + 1 };
};

/** The quarters of the task's year that have begun by `today` (a CST date). */
export const quartersBegun = (year: number, today: string): Quarter[] =>
  ([1, 2, 3, 4] as const).filter((q) => `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01` <= today);

export const rate = (task: KeyTask, quarter: Quarter, light: Light, reason: string, by: string, at: string, today: string): KeyTask => {
  if (!quartersBegun(task.year, today).includes(quarter)) throw new RuleError('The quarter has not begun', [{ path: 'quarter', message: `${task.year}年第${quarter}季度尚未开始，不能亮灯` }]);
  return { ...task, ratings: [...task.ratings, { quarter, light, reason, at, by }], revision: task.revision + 1 };
};

export const commentOnRating = (task: KeyTask, quarter: Quarter, member: PersonRef, text: string, at: string): KeyTask => {
  if (!task.ratings.some((r) => r.quarter === quarter)) throw new RuleError('The quarter is not rated', [{ path: 'quarter', message: `第${quarter}季度尚未亮灯，无可点评` }]);
  return { ...task, comments: [...task.comments, { quarter, member, text, at }], revision: task.revision + 1 };
};

/** The light of each rated quarter: its last rating. */
export const lightsOf = (task: Pick<KeyTask, 'ratings'>): Partial<Record<Quarter, Light>> => Object.fromEntries(task.ratings.map((r) => [r.quarter, r.light]));
