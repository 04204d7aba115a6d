/**
 * The deadline engine's items in the reports table. Every run finds its work by key, never by scan:
 *
 * - `CALENDAR#<year>` / `<kind>`: a date the calendar moved for every unit (absent: the default);
 * - `SET#<name>` / `S#<nnn>`: large sets, each spread over {@link setShards} items of string sets:
 *   `units` (every unit below the root), `posts` (`<unitId>|<personId>`), and who is done with a
 *   deadline (`done#annualReport#2026`, `done#hearing#2026`, `done#ledgerFiling#2027-01`) or has a
 *   deadline of their own (`own#annualReport#2026`, a reopened report);
 * - `DUE#<date>` / `<kind>#<unitId>#<subject>`: a deadline of one record falling due on that CST date
 *   (a rectification item, a key task's time node, a reopened report), pointing at its state item
 *   `DEADLINE#<kind>#<unitId>#<record>` / `STATE`, which says whether it is done;
 * - `DISPATCH#<what>` / `<shard>#<digest>`: the reminders or escalations a run decided, one item
 *   per shard of their members; it is put only if absent, so a rerun or a concurrent run that finds
 *   the same members records nothing, and its insert on the table's stream is what sends them
 *   (`dispatchReminders`);
 * - `NOTICES#<unitId>` / `N#<noticeId>`: the in-app notices of a unit's people;
 * - `CONTACTS#<unitId>` / `<role>` or `person#<personId>`: where reminders go by email and SMS.
 */
import { BatchGetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailed, dynamo, queryPartition } from '#shared/dynamo/client.js';
import type { DeadlineKind, DeadlineRef, Recipient } from '#events/reports/parts.js';
import { setShards } from '../config.js';
import { shardOf, type CalendarKind } from '../domain/deadlines.js';
import { store } from './reportRepository.js';

const table = store.table;

export const calendarKey = (year: number, kind: CalendarKind) => ({ pk: `CALENDAR#${year}`, sk: kind });
export const setKey = (name: string, shard: number) => ({ pk: `SET#${name}`, sk: `S#${String(shard).padStart(3, '0')}` });
export const dueKey = (date: string, kind: DeadlineKind, unitId: string, subject: string) => ({ pk: `DUE#${date}`, sk: `${kind}#${unitId}#${subject}` });
export const deadlineStateKey = (kind: DeadlineKind, unitId: string, record: string) => ({ pk: `DEADLINE#${kind}#${unitId}#${record}`, sk: 'STATE' });
export const dispatchKey = (what: string, part: string) => ({ pk: `DISPATCH#${what}`, sk: part });
export const noticeKey = (unitId: string, noticeId: string) => ({ pk: `NOTICES#${unitId}`, sk: `N#${noticeId}` });
export const contactKey = (unitId: string, who: string) => ({ pk: `CONTACTS#${unitId}`, sk: who });

/** The names of the engine's large sets. */
export const setNames = {
  units: 'units',
  posts: 'posts',
  done: (kind: DeadlineKind, subject: string) => `done#${kind}#${subject}`,
  own: (kind: DeadlineKind, subject: string) => `own#${kind}#${subject}`,
};

/** The member of the `posts` set (and of a ledger's done set) for a person in a unit. */
export const postMember = (unitId: string, personId: string) => `${unitId}|${personId}`;

/**
 * The update that adds `member` to (or, with `remove`, takes it from) its shard of set `name`: no
 * condition, so it can be applied again and again with the same result (consumer effects).
 */
export const setMembership = (name: string, member: string, remove = false) => ({
  Update: {
    TableName: table(),
    Key: setKey(name, shardOf(member, setShards)),
    UpdateExpression: `${remove ? 'DELETE' : 'ADD'} ids :member`,
    ExpressionAttributeValues: { ':member': new Set([member]) },
  },
});

/** The most keys one BatchGetItem takes. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html */
const batchGetLimit = 100;

/** How many BatchGetItem requests are in flight at once (an escalation day reads every overdue unit). */
const batchGetWidth = 16;

/** Reads items by key, all of them: 100 keys a request, 16 requests side by side, unprocessed keys asked again. */
export const getMany = async (keys: ReadonlyArray<{ pk: string; sk: string }>, projection?: string): Promise<Record<string, unknown>[]> => {
  const chunks: Array<Array<{ pk: string; sk: string }>> = [];
  for (let i = 0; i < keys.length; i += batchGetLimit) chunks.push(keys.slice(i, i + batchGetLimit));
  const found = await inParallel(chunks, batchGetWidth, async (chunk) => {
      const items: Record<string, unknown>[] = [];
      let pending: Array<Record<string, unknown>> = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const answer = await dynamo().send(
          new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection } : {}) } } }),
        );
        items.push(...(answer.Responses?.[table()] ?? []));
        pending = (answer.UnprocessedKeys?.[table()]?.Keys as Array<Record<string, unknown>> | undefined) ?? [];
      }
      return items;
  });
  return found.flat();
};

/** Every member of each named set, read shard by shard by key. */
export const readSets = async (names: readonly string[]): Promise<Map<string, Set<string>>> => {
  const keys = names.flatMap((name) => Array.from({ length: setShards }, (_, shard) => setKey(name, shard)));
  const items = await getMany(keys);
  const sets = new Map(names.map((name) => [name, new Set<string>()]));
  for (const item of items) {
    const set = sets.get(String(item.pk).slice('SET#'.length));
    for (const member of (item.ids as Set<string> | undefined) ?? []) set?.add(member);
  }
  return sets;
};

/** Adds many members to a set at once, one update a shard (demo and benchmark data, imports). */
export const addToSet = async (name: string, members: readonly string[]): Promise<void> => {
  const byShard = new Map<number, string[]>();
  for (const member of members) {
    const shard = shardOf(member, setShards);
    const ids = byShard.get(shard);
    if (ids) ids.push(member);
    else byShard.set(shard, [member]);
  }
  await inParallel([...byShard], 16, ([shard, ids]) =>
    dynamo().send(new UpdateCommand({ TableName: table(), Key: setKey(name, shard), UpdateExpression: 'ADD ids :ids', ExpressionAttributeValues: { ':ids': new Set(ids) } })),
  );
};

/** Runs `work` on every item, at most `width` at a time. */
export const inParallel = async <T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
};

/** A date of the calendar as moved for every unit. */
export interface CalendarChange {
  /** (`kind` is the item's type in the table.) */
  readonly deadlineKind: CalendarKind;
  readonly year: number;
  readonly dueAt: string;
  readonly previousDueAt: string;
  readonly reason: string;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly revision: number;
}

export const getCalendarChange = async (year: number, kind: CalendarKind): Promise<CalendarChange | undefined> => {
  const { pk, sk } = calendarKey(year, kind);
  const item = await store.getItem(pk, sk);
  return item ? (item as unknown as CalendarChange) : undefined;
};

export const calendarChangesOf = async (year: number): Promise<CalendarChange[]> => (await queryPartition(table(), `CALENDAR#${year}`)) as unknown as CalendarChange[];

/** A deadline of one record, as indexed by its due date. */
export interface DueItem {
  /** (`kind` is the item's type in the table.) */
  readonly deadlineKind: DeadlineKind;
  readonly subject: string;
  readonly unitId: string;
  readonly dueAt: string;
  /** What is due, in Chinese, for the reminder's text. */
  readonly title: string;
  readonly recipient: Recipient;
  /** The state item that says whether it is done. */
  readonly state: { readonly pk: string; readonly sk: string };
}

export const dueItemsOn = async (date: string): Promise<DueItem[]> => (await queryPartition(table(), `DUE#${date}`)) as unknown as DueItem[];

/** What a run decided to send in one part: reminders of one deadline to its members, or escalations to overseers. */
export type Dispatch =
  | {
      readonly action: 'remind';
      readonly deadline: { readonly kind: DeadlineKind; readonly subject: string; readonly dueAt: string; readonly title: string };
      readonly offsetDays: number;
      /** The reminded: unit ids, or `<unitId>|<personId>` for a person's deadline. */
      readonly members: readonly string[];
      readonly role: Recipient['role'];
      readonly runAt: string;
    }
  | {
      readonly action: 'escalate';
      /** `unitId`: the unit of a single record's deadline (absent for a deadline of the whole calendar). */
      readonly deadline: { readonly kind: DeadlineKind; readonly subject: string; readonly dueAt: string; readonly title: string; readonly unitId?: string };
      readonly round: number;
      /** Each overseer with its overdue units; a long list comes in chunks (`chunk` 0, 1, …), each an escalation of its own. */
      readonly overseers: ReadonlyArray<{
        readonly unitId: string;
        readonly to: 'upperCommittee' | 'disciplineCommission';
        readonly chunk?: number;
        readonly overdue: ReadonlyArray<{ readonly unitId: string; readonly unitName: string; readonly daysOverdue: number }>;
      }>;
      readonly runAt: string;
    };

/**
 * Records a part of a run's decision, unless some run recorded it already: `false` then, and
 * nothing is sent again.
 */
export const claimDispatch = async (what: string, part: string, dispatch: Dispatch): Promise<boolean> => {
  try {
    await dynamo().send(new PutCommand({ TableName: table(), Item: { ...dispatchKey(what, part), kind: 'dispatch', dispatch }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
};

/** A deadline reference for an event. */
export const deadlineRef = (kind: DeadlineKind, subject: string, unitId: string, dueAt: string): DeadlineRef => ({ kind, subject, unitId, dueAt });
