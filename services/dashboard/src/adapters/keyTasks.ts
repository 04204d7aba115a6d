/**
 * The dashboard's read model of key tasks, from `reports.events`: one item per task in one
 * partition per year (`KEY_TASKS#<year>`), sorted by unit (`UNIT#<unitId>#TASK#<taskId>`), so that a
 * year's tasks are one Query. Each rating is kept in its own `rating#<aggregateversion>` attribute
 * (`slots.ts`); each quarter's comments are a set of event ids (`comments#<quarter>`), so that a
 * redelivered comment is not counted twice.
 */
import { queryPartition } from '#shared/dynamo/client.js';
import type { KeyTaskAddedV1, KeyTaskClosedV1, KeyTaskProgressedV1, KeyTaskRatedV1, KeyTaskRatingCommentedV1 } from '#events/index.js';
import { quarters, ratingOf, type Rating } from '../domain/keyTasks.js';
import type { Versioned } from '../domain/versioned.js';
import type { QuarterKey } from '../schemas.js';
import { table } from './projection.js';
import { slotName, slotsOf } from './slots.js';
import { update, type Changes } from './updates.js';

type KeyTaskEvent = KeyTaskAddedV1 | KeyTaskProgressedV1 | KeyTaskClosedV1 | KeyTaskRatedV1 | KeyTaskRatingCommentedV1;

const taskKey = (year: number, unitId: string, taskId: string) => ({ pk: `KEY_TASKS#${year}`, sk: `UNIT#${unitId}#TASK#${taskId}` });
const commentsOf = (quarter: number | string) => `comments#${quarter}`;

/** The effect of an event on its task: what names the task, and the event's own changes. */
const onTask = (event: KeyTaskEvent, changes: Partial<Changes> = {}) => {
  const { taskId, unitId, year } = event.data;
  return [update(taskKey(year, unitId, taskId), { ...changes, set: { kind: 'keyTask', taskId, unitId, year, ...changes.set } })];
};

/** A task was added to the unit's table of the year. */
export const keyTaskAdded = (event: KeyTaskAddedV1) => onTask(event, { set: { title: event.data.title, responsible: event.data.responsible, addedAt: event.time } });

/** Progress on a task: when, and whether the unit asks for it to be closed. */
export const keyTaskProgressed = (event: KeyTaskProgressedV1) => onTask(event, { set: { lastProgressAt: event.time, closingRequested: event.data.requestsClosing ?? false } });

/** A task was closed; nothing opens it again. */
export const keyTaskClosed = (event: KeyTaskClosedV1) => onTask(event, { set: { closed: true, closedAt: event.time } });

/** A quarter was rated; the rated person stands for the responsible one until the task's addition is seen. */
export const keyTaskRated = (event: KeyTaskRatedV1) => {
  const { aggregateVersion, step } = ratingOf(event);
  return onTask(event, { set: { [slotName('rating', aggregateVersion)]: step }, setIfAbsent: { responsible: event.data.responsible } });
};

/** A commission member commented on a quarter's light. */
export const keyTaskRatingCommented = (event: KeyTaskRatingCommentedV1) => onTask(event, { add: { [commentsOf(event.data.quarter)]: new Set([event.id]) } });

/** A key task as the dashboard holds it. */
export interface ProjectedKeyTask {
  readonly taskId: string;
  readonly unitId: string;
  readonly year: number;
  readonly title: string;
  readonly responsible: { readonly personId: string; readonly name: string };
  readonly closed: boolean;
  readonly closingRequested: boolean;
  readonly ratings: ReadonlyArray<Versioned<Rating>>;
  readonly comments: Record<QuarterKey, number>;
}

/** The year's tasks whose addition the dashboard has seen (a later event that came first waits for it). */
export const loadKeyTasks = async (year: number): Promise<ProjectedKeyTask[]> =>
  (await queryPartition(table(), `KEY_TASKS#${year}`))
    .filter((i) => typeof i.title === 'string')
    .map((i) => ({
      taskId: i.taskId as string,
      unitId: i.unitId as string,
      year: i.year as number,
      title: i.title as string,
      responsible: i.responsible as ProjectedKeyTask['responsible'],
      closed: i.closed === true,
      closingRequested: i.closingRequested === true,
      ratings: slotsOf<Rating>(i, 'rating'),
      comments: Object.fromEntries(quarters.map((q) => [q, (i[commentsOf(q)] as ReadonlySet<string> | undefined)?.size ?? 0])) as Record<QuarterKey, number>,
    }));
