/**
 * Phase 11: the deadline engine's daily run (`runDeadlines`) over `BENCH_REMINDER_UNITS` units
 * (10,000, then 100,000) on their annual report's 7-day reminder day, the day every pending unit is
 * reminded; and, at the smallest size, its first escalation day.
 *
 * How each size is made an honest run over N units:
 *
 * - It gets a fresh reports table of its own (the reports manifest's table under another name, with
 *   no stream: see below) and a report year of its own (2090, 2091, …). The run reads the `units`
 *   set, which every year shares, and, for the month's ledger (also due on 31 January, so reminded
 *   on the same days), the `posts` set and the due-date index. In the runtime's table those hold
 *   the other phases' units and people, and the other size's units would be in `units` too: the run
 *   would remind or skip members that are not the size's. In a table of its own, `units` holds
 *   exactly the N generated units, as a province of N units would.
 * - The sets are written through the reports service's own `addToSet` (one UpdateItem a shard):
 *   the N units; 30% of them done with the year's report, so 70% are pending and reminded; and all
 *   of them done with the year before's, which by then is finished. (A run also looks at the year
 *   before: the 14-day and 7-day reminder days are its 51st and 52nd weekly escalation rounds. With
 *   nobody done there, those runs would escalate every unit.)
 * - Timed: the `runDeadlines` call alone (wall clock) on three reminder days, 14, 7 and 3 days
 *   before the due day at 09:00 CST as scheduled, so that each records its parts anew (a rerun of a
 *   day finds them recorded and is much cheaper); the median is judged. An untimed run on the day
 *   before the due day goes first, as the other phases' warm-ups do. Every run must remind exactly
 *   the pending units and do nothing else, or the phase fails.
 * - Escalation day, at the smallest size when it is at most 10,000 units, reported without a
 *   target: the first day overdue, when the run reads the item of every overdue unit (`UNITS` /
 *   `UNIT#<id>`) to find its overseers. Those items, each unit under a county of 20, are written
 *   beforehand, 25 to a BatchWriteItem.
 *
 * What a run decides is recorded as `DISPATCH#…` items, which `dispatchReminders` sends from the
 * table's stream, writing a notice for every unit. The fresh tables have no stream, and the runtime
 * is stopped (the earlier phases stopped it; this one makes sure), so those hundreds of thousands of
 * writes never happen: the figure is the scheduled function's own work, the decision. A stream
 * would also distort the figure: by the end of the benchmark the other tables' streams hold many
 * records, and DynamoDB Local then writes about 10× slower into a table with a stream created
 * after them (256 conditional puts: 0.6 s without a stream, 11 s with one, after 10,000 records on
 * another table's stream). In DynamoDB a stream does not slow the writes.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTables, localDynamoClient } from '#infra/local/dynamodb.js';
import { pool } from '#infra/local/support/pool.js';
import { sleep } from '#infra/local/support/sleep.js';
import { tableEnvName } from '#shared/manifest.js';
import reportsService from '#services/reports/service.js';
import { deadlineEngineConfig, setShards } from '#services/reports/src/config.js';
import { addDays, defaultDueAt, shardOf } from '#services/reports/src/domain/deadlines.js';
import { addToSet, setNames } from '#services/reports/src/adapters/deadlineRepository.js';
import { unitKey } from '#services/reports/src/adapters/reportRepository.js';
import { runDeadlines, type RunSummary } from '#services/reports/src/app/reminderRun.js';
import type { Bench } from '../context.js';
import type { Settings } from '../settings.js';
import { percentile, round, timed } from '../stats.js';
import type { Usage } from '../usage.js';

/** One timed run. */
export interface ReminderRunSample {
  /** The CST date of the run. */
  readonly day: string;
  readonly offsetDays: number;
  readonly ms: number;
  readonly partsRecorded: number;
  readonly reminders: number;
}

/** The runs over one number of units. */
export interface ReminderRunSize {
  readonly units: number;
  readonly year: number;
  /** Units not done with the year's report: those each run reminds. */
  readonly pending: number;
  /** Writing the sets, untimed by the target. */
  readonly generateMs: number;
  readonly runs: readonly ReminderRunSample[];
  readonly medianMs: number;
  /** CPU over the timed runs, per reminder. */
  readonly cpu: Usage;
}

/** The first escalation day, at the smallest size. */
export interface EscalationDayResult {
  readonly units: number;
  readonly day: string;
  readonly overdue: number;
  /** Writing the units' items beforehand. */
  readonly unitItemsMs: number;
  readonly ms: number;
  readonly escalations: number;
  readonly partsRecorded: number;
}

/** What the phase measured. */
export interface ReminderRunResult {
  readonly sizes: readonly ReminderRunSize[];
  readonly escalation: EscalationDayResult | undefined;
}

/** The report year of the first size; the next sizes take the years after it. No other phase uses them. */
const firstYear = 2090;
/** The share of units done with the year's report by its reminder days. */
export const doneShare = 0.3;
/** The reminder offsets of the timed runs: three distinct days, each recording its parts anew. */
export const timedOffsets = [14, 7, 3] as const;
/** The reminder day of the untimed warm-up run before them (the day before the due day). */
const warmupOffset = 1;
/** The escalation day is measured at the smallest size only if it is at most this many units. */
const escalationMaxUnits = 10_000;
/** Units under one county, the overseer the escalation tells. */
const unitsPerCounty = 20;
/** Calls of `addToSet` a set is written in, each for a range of its shards (the progress moves after each). */
const setWrites = 8;
/** The most items one BatchWriteItem takes. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html */
const batchWriteLimit = 25;
const batchWriteConcurrency = 8;

/** Whether the escalation day is measured. */
const withEscalation = (settings: Settings): boolean => (settings.reminderUnits[0] ?? Infinity) <= escalationMaxUnits;

/** The progress steps of the phase: writing the sets and the runs for each size, and the escalation day. */
export const reminderRunSteps = (settings: Settings): number => 2 * settings.reminderUnits.length + (withEscalation(settings) ? 1 : 0);

/** The CST date the annual report on `year` is due. */
const dueDayOf = (year: number): string => defaultDueAt('annualReport', year).slice(0, 10);

/** The scheduled moment (09:00 CST) of the run `offsetDays` before the annual report on `year` is due; negative: overdue. */
export const runMomentOf = (year: number, offsetDays: number): { day: string; runAt: Date } => {
  const day = addDays(dueDayOf(year), -offsetDays);
  return { day, runAt: new Date(`${day}T09:00:00+08:00`) };
};

/**
 * Fails unless the run reminded exactly the `pending` units of the year's report and did nothing
 * else: no other deadline with anyone pending, no escalation, no part recorded before.
 */
export const assertReminded = (summary: RunSummary, year: number, pending: number): void => {
  const own = summary.deadlines.find((d) => d.kind === 'annualReport' && d.subject === String(year));
  const others = summary.deadlines.filter((d) => d !== own && d.pending > 0);
  const ok = own?.action === 'remind' && own.pending === pending && summary.reminders === pending && summary.escalations === 0 && others.length === 0 && summary.parts.alreadyRecorded === 0;
  if (!ok) throw new Error(`The deadline run should have reminded the ${pending} pending units of ${year} and done nothing else; it gave ${JSON.stringify(summary)}`);
};

/**
 * The members in `groups` lists by range of their shard, so that each list is written by one call
 * of `addToSet` to its own shards: every shard item is then written once. (Lists of consecutive
 * members would write every shard item in every call, and DynamoDB Local takes longer for each
 * update the larger the item has grown.)
 */
export const byShardRange = (members: readonly string[], groups: number, shards = setShards): string[][] => {
  const lists = Array.from({ length: groups }, (): string[] => []);
  for (const member of members) lists[Math.floor((shardOf(member, shards) * groups) / shards)]!.push(member);
  return lists;
};

/** Adds `members` to set `name` through the service's `addToSet`, a range of shards at a time, telling `written` after each. */
const addInRanges = async (name: string, members: readonly string[], written: (count: number) => void): Promise<void> => {
  for (const list of byShardRange(members, setWrites)) {
    await addToSet(name, list);
    written(list.length);
  }
};

/** Writes items with BatchWriteItem, 25 a request, asking again for the unprocessed ones. */
const batchWrite = async (bench: Bench, table: string, items: readonly Record<string, unknown>[], written: (count: number) => void): Promise<void> => {
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += batchWriteLimit) batches.push(items.slice(i, i + batchWriteLimit));
  await pool(batches, batchWriteConcurrency, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const answer = await bench.doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (answer.UnprocessedItems?.[table] as typeof requests | undefined) ?? [];
    }
    written(batch.length);
  });
};

/**
 * A fresh reports table for one size, without a stream, the service's table env pointing at it
 * until `restore`. (DynamoDB Local writes 10× slower into a table with a stream created after other
 * tables' streams have taken many records, as they have by the end of the benchmark; and without a
 * stream nothing can send what the runs decide.)
 */
const freshReportsTable = async (bench: Bench, units: number): Promise<{ table: string; restore: () => Promise<void> }> => {
  const table = `${reportsService.tables.main.name}-reminders-${units}-${Date.now()}`;
  await ensureTables(bench.parts.endpoint, [{ ...reportsService, tables: { main: { ...reportsService.tables.main, name: table, stream: false } } }]);
  let dropping: Promise<unknown> | undefined;
  const drop = () => (dropping ??= localDynamoClient(bench.parts.endpoint).send(new DeleteTableCommand({ TableName: table })).catch((e: unknown) => bench.log(`deleting ${table} failed: ${String(e)}`)));
  bench.defer(drop);
  const env = tableEnvName(reportsService.name, 'main');
  const previous = process.env[env];
  process.env[env] = table;
  return {
    table,
    restore: async () => {
      if (previous === undefined) delete process.env[env];
      else process.env[env] = previous;
      await drop();
    },
  };
};

/** Runs the deadline engine over each size in turn; see the module comment. */
export const measureReminderRun = async (bench: Bench): Promise<ReminderRunResult> => {
  const { settings } = bench;
  await bench.stopRuntime();
  // The defaults, whatever this process's environment says, so that runs compare.
  const rules = deadlineEngineConfig({});
  const sizes: ReminderRunSize[] = [];
  let escalation: EscalationDayResult | undefined;
  for (const [index, units] of settings.reminderUnits.entries()) {
    const year = firstYear + index;
    const generate = bench.progress.step(`deadline run: ${units} units (report year ${year}) into a fresh table`);
    const { table, restore } = await freshReportsTable(bench, units);
    try {
      const ids = Array.from({ length: units }, () => randomUUID());
      const doneCount = Math.round(units * doneShare);
      const pending = units - doneCount;
      const total = 2 * units + doneCount;
      let written = 0;
      const tell = (count: number) => {
        written += count;
        generate.update(`${written} of ${total} set members written`);
      };
      const generated = await timed(async () => {
        await addInRanges(setNames.units, ids, tell);
        await addInRanges(setNames.done('annualReport', String(year - 1)), ids, tell);
        await addInRanges(setNames.done('annualReport', String(year)), ids.slice(0, doneCount), tell);
      });
      generate.done(`${round(generated.ms / 1000, 1)} s, ${pending} pending`);

      const step = bench.progress.step(`deadline run: ${units} units on ${timedOffsets.length} reminder days (${timedOffsets.join(', ')} days before), after a warm-up`);
      assertReminded(await runDeadlines(runMomentOf(year, warmupOffset).runAt, rules), year, pending);
      const cpu = bench.cpu.sum();
      const runs: ReminderRunSample[] = [];
      for (const offsetDays of timedOffsets) {
        const { day, runAt } = runMomentOf(year, offsetDays);
        const mark = bench.cpu.mark();
        const run = await timed(() => runDeadlines(runAt, rules));
        cpu.add(mark);
        assertReminded(run.value, year, pending);
        runs.push({ day, offsetDays, ms: run.ms, partsRecorded: run.value.parts.recorded, reminders: run.value.reminders });
        step.update(`${day}: ${round(run.ms / 1000, 2)} s`);
      }
      const medianMs = percentile(runs.map((r) => r.ms).sort((a, b) => a - b), 50);
      step.done(`median ${round(medianMs / 1000, 2)} s (${runs.map((r) => round(r.ms / 1000, 2)).join(', ')}), ${pending} reminded in ${runs[0]!.partsRecorded} parts`);
      sizes.push({ units, year, pending, generateMs: generated.ms, runs, medianMs, cpu: cpu.usage(pending * runs.length) });

      if (index === 0 && withEscalation(settings)) escalation = await measureEscalationDay(bench, { table, ids, doneCount, year, rules });
    } finally {
      await restore();
    }
  }
  return { sizes, escalation };
};

/** The first day overdue over the smallest size: the unit items written, then one timed run. */
const measureEscalationDay = async (
  bench: Bench,
  size: { table: string; ids: readonly string[]; doneCount: number; year: number; rules: ReturnType<typeof deadlineEngineConfig> },
): Promise<EscalationDayResult> => {
  const { table, ids, doneCount, year, rules } = size;
  const step = bench.progress.step(`deadline run: ${ids.length} units on the first day overdue (unit items written first)`);
  const root = randomUUID();
  const counties = Array.from({ length: Math.ceil(ids.length / unitsPerCounty) }, () => randomUUID());
  const countyOf = (i: number) => counties[Math.floor(i / unitsPerCounty)]!;
  const items = ids.map((id, i) => ({ ...unitKey(id), kind: 'unit', name: `基准乡镇${i + 1}`, ancestorIds: [root, countyOf(i)] }));
  let written = 0;
  const unitItems = await timed(() =>
    batchWrite(bench, table, items, (count) => {
      written += count;
      step.update(`${written} of ${items.length} unit items written`);
    }),
  );
  const overdue = ids.length - doneCount;
  // Each county with an overdue unit is told twice: its committee and its discipline body.
  const expected = 2 * new Set(ids.slice(doneCount).map((_, i) => countyOf(doneCount + i))).size;
  const { day, runAt } = runMomentOf(year, -1);
  const run = await timed(() => runDeadlines(runAt, rules));
  const own = run.value.deadlines.find((d) => d.kind === 'annualReport' && d.subject === String(year));
  if (own?.action !== 'escalate' || own.pending !== overdue || run.value.escalations !== expected || run.value.reminders !== 0) {
    throw new Error(`The deadline run of ${day} should have escalated the ${overdue} overdue units of ${year} to ${expected} overseers; it gave ${JSON.stringify(run.value)}`);
  }
  step.done(`${round(run.ms / 1000, 2)} s, ${overdue} overdue units to ${expected} overseers (unit items: ${round(unitItems.ms / 1000, 1)} s)`);
  return { units: ids.length, day, overdue, unitItemsMs: unitItems.ms, ms: run.ms, escalations: run.value.escalations, partsRecorded: run.value.parts.recorded };
};
