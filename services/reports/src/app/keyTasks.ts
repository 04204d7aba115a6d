import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { againOnConflict } from '#shared/dynamo/store.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { cstDate, toCstIso, type Causation, type CloudEvent } from '#events/envelope.js';
import { actorOf } from '#events/people.js';
import { checkMilestones, commentOnRating, confirmClosing, lightsOf, progress, rate, type KeyTask, type Light, type Milestone, type Quarter } from '../domain/keyTasks.js';
import { currentPosts, stateOf, store } from '../adapters/reportRepository.js';
import { evidenceOf } from './attachments.js';
import { reportsEvent } from './events.js';

const taskKey = (unitId: string, year: number, taskId: string) => ({ pk: `UNIT#${unitId}`, sk: `TASK#${year}#${taskId}` });
const changed = 'The item was changed by someone else; reload and try again';

/** A person in a post of the unit today, by id: the responsible leader of a task, a ledger's filer. */
export const personInPost = async (unitId: string, personId: string, now: Date, field: string) => {
  const post = (await currentPosts(unitId, cstDate(now))).find((p) => p.personId === personId);
  if (!post) throw new RuleError('Not a person in a post of the unit', [{ path: field, message: '须为本单位在任的班子成员' }]);
  return { personId: post.personId, name: post.name };
};

export interface AddKeyTask {
  readonly year: number;
  readonly title: string;
  readonly responsiblePersonId: string;
  readonly leadOffice: string;
  readonly goal: string;
  readonly measures: string;
  readonly milestones: readonly Milestone[];
}

/** The unit adds a task to its table of the year. */
export const addKeyTask = async (caller: Caller, unitId: string, input: AddKeyTask, now: Date, cause: Causation): Promise<KeyTask & { lights: ReturnType<typeof lightsOf> }> => {
  checkMilestones(input.year, input.milestones);
  const responsible = await personInPost(unitId, input.responsiblePersonId, now, 'responsiblePersonId');
  const { year, title, leadOffice, goal, measures, milestones } = input;
  const task: KeyTask = { taskId: uuidv7(), unitId, year, title, responsible, leadOffice, goal, measures, milestones, progress: [], closingRequested: false, closed: null, ratings: [], comments: [], revision: 1 };
  const event = reportsEvent('reports.KeyTaskAdded.v1', { subject: task.taskId, unitId, version: 1 }, { taskId: task.taskId, unitId, year, title, responsible, leadOffice, goal, measures, milestones: [...milestones], actor: actorOf(caller) }, cause, now);
  await store.writeWithEvents([{ item: { ...taskKey(unitId, year, task.taskId), kind: 'keyTask', ...task }, expect: 'absent', what: 'The key task' }], [event], now, changed);
  // As every other answer about a task: with its lights (none yet), as the route's schema says.
  return { ...task, lights: lightsOf(task) };
};

const getTask = async (unitId: string, taskId: string): Promise<KeyTask> => {
  const found = (await store.queryItems(`UNIT#${unitId}`, 'TASK#')).find((i) => i.taskId === taskId);
  if (!found) throw new NotFoundError(`Unit ${unitId} has no key task ${taskId}`);
  return stateOf<KeyTask>(found);
};

/** Reads the task, changes it and writes it with the event the change makes, again on a concurrent change. */
const changeTask = (unitId: string, taskId: string, change: (task: KeyTask) => Promise<{ next: KeyTask; event: CloudEvent }> | { next: KeyTask; event: CloudEvent }, now: Date) =>
  againOnConflict(async () => {
    const task = await getTask(unitId, taskId);
    const { next, event } = await change(task);
    await store.writeWithEvents([{ item: { ...taskKey(unitId, task.year, taskId), kind: 'keyTask', ...next }, expect: { revision: task.revision }, what: 'The key task' }], [event], now, changed);
    return { ...next, lights: lightsOf(next) };
  }, 3);

const refOf = (task: KeyTask) => ({ taskId: task.taskId, unitId: task.unitId, year: task.year });
const aboutOf = (task: KeyTask) => ({ subject: task.taskId, unitId: task.unitId, version: task.revision });

/** Progress with a note and evidence; `requestsClosing` asks the commission to close the task. */
export const progressKeyTask = (caller: Caller, unitId: string, taskId: string, input: { note: string; attachmentIds: readonly string[]; requestsClosing?: boolean | undefined }, now: Date, cause: Causation) =>
  changeTask(
    unitId,
    taskId,
    async (task) => {
      const evidence = await evidenceOf(unitId, input.attachmentIds);
      const next = progress(task, input.note, evidence, input.requestsClosing ?? false, caller.subject, toCstIso(now));
      const event = reportsEvent('reports.KeyTaskProgressed.v1', aboutOf(next), { ...refOf(task), note: input.note, evidence, requestsClosing: input.requestsClosing ?? false, actor: actorOf(caller) }, cause, now);
      return { next, event };
    },
    now,
  );

/** The commission confirms the closing (销号) the unit asked for. */
export const closeKeyTask = (caller: Caller, unitId: string, taskId: string, input: { memberName: string }, now: Date, cause: Causation) =>
  changeTask(
    unitId,
    taskId,
    (task) => {
      const confirmedBy = { personId: caller.subject, name: input.memberName };
      const next = confirmClosing(task, confirmedBy, toCstIso(now));
      return { next, event: reportsEvent('reports.KeyTaskClosed.v1', aboutOf(next), { ...refOf(task), confirmedBy, actor: actorOf(caller) }, cause, now) };
    },
    now,
  );

/** The discipline body rates the task for a quarter; a red light is acted on by talks and assessment. */
export const rateKeyTask = (caller: Caller, unitId: string, taskId: string, input: { quarter: Quarter; light: Light; reason: string }, now: Date, cause: Causation) =>
  changeTask(
    unitId,
    taskId,
    (task) => {
      const next = rate(task, input.quarter, input.light, input.reason, caller.subject, toCstIso(now), cstDate(now));
      return { next, event: reportsEvent('reports.KeyTaskRated.v1', aboutOf(next), { ...refOf(task), ...input, responsible: task.responsible, actor: actorOf(caller) }, cause, now) };
    },
    now,
  );

/** A commission member comments on a quarter's light. */
export const commentOnKeyTaskRating = (caller: Caller, unitId: string, taskId: string, input: { quarter: Quarter; memberName: string; text: string }, now: Date, cause: Causation) =>
  changeTask(
    unitId,
    taskId,
    (task) => {
      const member = { personId: caller.subject, name: input.memberName };
      const next = commentOnRating(task, input.quarter, member, input.text, toCstIso(now));
      return { next, event: reportsEvent('reports.KeyTaskRatingCommented.v1', aboutOf(next), { ...refOf(task), quarter: input.quarter, member, text: input.text, actor: actorOf(caller) }, cause, now) };
    },
    now,
  );

/** A unit's table of key tasks of the year, with the light of each quarter. */
export const listKeyTasks = async (unitId: string, year: number) => ({
  unitId,
  year,
  tasks: (await store.queryItems(`UNIT#${unitId}`, `TASK#${year}#`)).map((i) => stateOf<KeyTask>(i)).map((t) => ({ ...t, lights: lightsOf(t) })),
});

