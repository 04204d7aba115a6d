/**
 * One run of the deadline engine, for the moment its schedule stands for (never the clock, so any
 * day can be replayed). It decides, for every deadline that has something to do that day, whom to
 * remind or to whom to escalate, and records each decision once (`claimDispatch`); the records'
 * inserts then send them (`dispatch.ts`).
 *
 * Everything is found by key: the calendar of the years concerned, the shards of the large sets
 * (units, people in posts, who is done) and the due-date index of single records on the days the
 * offsets and escalation rounds point at. A deadline with nothing to do that day costs nothing.
 */
import { createHash } from 'node:crypto';
import { cstDate } from '#events/envelope.js';
import type { DeadlineKind, Recipient } from '#events/reports/parts.js';
import { deadlineEngineConfig, reportsConfig, setShards, type DeadlineEngineConfig } from '../config.js';
import { addDays, calendarDueAt, calendarKinds, chunksOf, dueDatesActedOn, ledgerDueAt, milestoneMet, overseersOf, owedBy, packed, pendingOf, planOf, shardOf, type Plan } from '../domain/deadlines.js';
import { titleOf } from '../domain/reminderText.js';
import { calendarChangesOf, claimDispatch, dueItemsOn, getMany, inParallel, readSets, setNames, type Dispatch, type DueItem } from '../adapters/deadlineRepository.js';
import { knownUnitOf, unitKey, type KnownUnit } from '../adapters/reportRepository.js';

/** A deadline that holds for a whole population: every unit below the root, or every person in a post. */
interface GroupDeadline {
  readonly kind: DeadlineKind;
  readonly subject: string;
  readonly dueAt: string;
  readonly population: 'units' | 'posts';
  readonly plan: Exclude<Plan, { action: 'none' }>;
}

/** What a run did, for its log and its caller. */
export interface RunSummary {
  readonly runAt: string;
  readonly deadlines: ReadonlyArray<{ kind: DeadlineKind; subject: string; dueAt: string; action: 'remind' | 'escalate'; offsetDays?: number; round?: number; pending: number }>;
  /** Reminders in the parts this run recorded (a member already reminded that day is skipped when they are sent). */
  readonly reminders: number;
  /** Escalations in the parts this run recorded. */
  readonly escalations: number;
  /** Parts recorded by this run, and parts another run had recorded already. */
  readonly parts: { readonly recorded: number; readonly alreadyRecorded: number };
}

/** The member of a population's set stands for a unit (`<unitId>`) or a person of it (`<unitId>|<personId>`). */
const unitOfMember = (member: string): string => member.split('|')[0]!;

const recipientRole = (kind: DeadlineKind): Recipient['role'] => (kind === 'ledgerFiling' ? 'unit_staff' : 'unit_secretary');

/** The calendar's and the ledger's deadlines with something to do on the run's day. */
const groupDeadlinesOf = async (runAt: Date, rules: DeadlineEngineConfig): Promise<GroupDeadline[]> => {
  const today = cstDate(runAt);
  const thisYear = Number(today.slice(0, 4));
  // Report years whose deadlines (in the next year) can still be reminded of or escalated.
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const changes = (await Promise.all(years.map(calendarChangesOf))).flat();
  const candidates: Array<Omit<GroupDeadline, 'plan'>> = years.flatMap((year) =>
    calendarKinds.map((kind) => ({
      kind,
      subject: String(year),
      dueAt: calendarDueAt(changes, kind, year, reportsConfig().annualReportDue),
      population: 'units' as const,
    })),
  );
  // The months whose ledger is due from the oldest escalation round up to the furthest offset.
  const oldest = addDays(today, -1 - 7 * rules.maxRounds).slice(0, 7);
  const newest = addDays(today, Math.max(...rules.offsets, 0)).slice(0, 7);
  for (let month = oldest; month <= newest; month = addDays(`${month}-28`, 7).slice(0, 7)) {
    candidates.push({ kind: 'ledgerFiling', subject: month, dueAt: ledgerDueAt(month), population: 'posts' });
  }
  return candidates.flatMap((c) => {
    const plan = planOf(c.dueAt, runAt, rules);
    return plan.action === 'none' ? [] : [{ ...c, plan }];
  });
};

/** The units (name, ancestors, when registered) of `unitIds`, read by key. */
const unitsById = async (unitIds: readonly string[]): Promise<Map<string, KnownUnit>> =>
  new Map((await getMany([...new Set(unitIds)].map(unitKey))).map(knownUnitOf).map((unit) => [unit.id, unit]));

type EscalationDispatch = Extract<Dispatch, { action: 'escalate' }>;

/** The overseers of overdue units, each with its own overdue units; a unit registered after the deadline fell owed nothing. */
const overseersFor = async (overdueUnitIds: readonly string[], daysOverdue: number, dueAt: string): Promise<EscalationDispatch['overseers'][number][]> => {
  const units = await unitsById(overdueUnitIds);
  const byOverseer = new Map<string, { unitId: string; to: 'upperCommittee' | 'disciplineCommission'; overdue: Array<{ unitId: string; unitName: string; daysOverdue: number }> }>();
  for (const unitId of new Set(overdueUnitIds)) {
    const unit = units.get(unitId);
    if (!unit || !owedBy(unit.registeredAt, dueAt)) continue;
    for (const overseer of overseersOf(unit.ancestorIds)) {
      const key = `${overseer.unitId}|${overseer.to}`;
      const entry = byOverseer.get(key) ?? { ...overseer, overdue: [] };
      entry.overdue.push({ unitId, unitName: unit.name || unitId, daysOverdue });
      byOverseer.set(key, entry);
    }
  }
  return [...byOverseer.values()];
};

/** Spreads items over the shards of their key, as the parts of one decision. */
const byShard = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const parts = new Map<string, T[]>();
  for (const item of items) {
    const part = `S#${String(shardOf(keyOf(item), setShards)).padStart(3, '0')}`;
    const list = parts.get(part);
    if (list) list.push(item);
    else parts.set(part, [item]);
  }
  return parts;
};

interface Claim {
  readonly what: string;
  readonly part: string;
  readonly dispatch: Dispatch;
}

/**
 * A part's key: its shard and a digest of what it holds. A rerun that finds the same pending
 * members finds the part recorded and sends nothing; one that finds others (a unit registered
 * since) records a new part, whose members already reminded are skipped when it is sent, since
 * each reminder's event id is made from its identity.
 */
const partKey = (shard: string, content: unknown): string => `${shard}#${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}`;

/** The most members one recorded part of reminders holds (about 80 bytes each). */
const membersPerPart = 2_000;

const remindClaims = (what: string, deadline: Dispatch['deadline'], offsetDays: number, members: readonly string[], role: Recipient['role'], runAt: string): Claim[] =>
  [...byShard(members, (m) => m)].flatMap(([shard, inShard]) =>
    chunksOf(inShard, membersPerPart).map((inPart) => ({ what, part: partKey(shard, inPart), dispatch: { action: 'remind' as const, deadline, offsetDays, members: inPart, role, runAt } })),
  );

/** The most overdue units one escalation lists; a longer list goes in chunks, each its own escalation and notice. */
const overdueChunk = 500;
/** The most overdue units one recorded part holds (about 100 bytes each, well within 400 KB an item). */
const overduePerPart = 1_000;

const escalateClaims = (what: string, deadline: Dispatch['deadline'], round: number, overseers: EscalationDispatch['overseers'], runAt: string): Claim[] => {
  const chunked = overseers.flatMap((o) => chunksOf(o.overdue, overdueChunk).map((overdue, chunk) => ({ ...o, overdue, chunk })));
  return [...byShard(chunked, (o) => o.unitId)].flatMap(([shard, inShard]) =>
    packed(inShard, (o) => o.overdue.length, overduePerPart).map((inPart) => ({ what, part: partKey(shard, inPart), dispatch: { action: 'escalate' as const, deadline, round, overseers: inPart, runAt } })),
  );
};

/** The claims of the calendar's and the ledger's deadlines: their populations less who is done (and who has a deadline of their own). */
const groupClaims = async (deadlines: readonly GroupDeadline[], runAt: string): Promise<{ claims: Claim[]; summary: RunSummary['deadlines'][number][] }> => {
  const namesOf = (d: GroupDeadline) => ({
    expected: d.population === 'units' ? setNames.units : setNames.posts,
    done: setNames.done(d.kind, d.subject),
    own: d.kind === 'annualReport' ? setNames.own(d.kind, d.subject) : undefined,
  });
  const names = [...new Set(deadlines.flatMap((d) => Object.values(namesOf(d)).filter((n): n is string => n !== undefined)))];
  const sets = names.length > 0 ? await readSets(names) : new Map<string, Set<string>>();
  const claims: Claim[] = [];
  const summary: RunSummary['deadlines'][number][] = [];
  for (const d of deadlines) {
    const n = namesOf(d);
    const pending = pendingOf(sets.get(n.expected) ?? [], sets.get(n.done) ?? new Set(), n.own ? sets.get(n.own) : undefined);
    const deadline = { kind: d.kind, subject: d.subject, dueAt: d.dueAt, title: titleOf(d.kind, d.subject) };
    if (d.plan.action === 'remind') {
      summary.push({ kind: d.kind, subject: d.subject, dueAt: d.dueAt, action: 'remind', offsetDays: d.plan.offsetDays, pending: pending.length });
      claims.push(...remindClaims(`remind#${d.kind}#${d.subject}#${d.dueAt}#${d.plan.offsetDays}`, deadline, d.plan.offsetDays, pending, recipientRole(d.kind), runAt));
    } else {
      summary.push({ kind: d.kind, subject: d.subject, dueAt: d.dueAt, action: 'escalate', round: d.plan.round, pending: pending.length });
      const overseers = await overseersFor(pending.map(unitOfMember), d.plan.daysOverdue, d.dueAt);
      claims.push(...escalateClaims(`escalate#${d.kind}#${d.subject}#${d.dueAt}#R${d.plan.round}`, deadline, d.plan.round, overseers, runAt));
    }
  }
  return { claims, summary };
};

/** Whether a single record's deadline is done (or moved: its state holds another due time). */
const isSettled = (due: DueItem, state: Record<string, unknown> | undefined, rules: DeadlineEngineConfig): boolean => {
  if (!state) return false;
  if (due.deadlineKind === 'keyTaskMilestone') return milestoneMet(cstDate(new Date(due.dueAt)), state as { closed?: boolean; lastProgressDate?: string }, rules.milestoneWindowDays);
  if (typeof state.dueAt === 'string' && Date.parse(state.dueAt) !== Date.parse(due.dueAt)) return true;
  return state.done === true;
};

/** The claims of single records' deadlines found in the due-date index on the days the run acts on. */
const recordClaims = async (runAt: Date, rules: DeadlineEngineConfig): Promise<{ claims: Claim[]; summary: RunSummary['deadlines'][number][] }> => {
  const { reminders, escalations } = dueDatesActedOn(cstDate(runAt), rules);
  const found = (await Promise.all([...reminders, ...escalations].map(dueItemsOn))).flat();
  const states = await getMany([...new Map(found.map((d) => [`${d.state.pk}|${d.state.sk}`, d.state])).values()]);
  const stateOf = new Map(states.map((s) => [`${String(s.pk)}|${String(s.sk)}`, s]));
  const open = found.filter((d) => !isSettled(d, stateOf.get(`${d.state.pk}|${d.state.sk}`), rules));
  const runAtIso = runAt.toISOString();
  const claims: Claim[] = [];
  const summary: RunSummary['deadlines'][number][] = [];
  const escalating: Array<{ due: DueItem; plan: Extract<Plan, { action: 'escalate' }> }> = [];
  for (const due of open) {
    const plan = planOf(due.dueAt, runAt, rules);
    const deadline = { kind: due.deadlineKind, subject: due.subject, dueAt: due.dueAt, title: due.title };
    const id = `${due.deadlineKind}#${due.unitId}#${due.subject}#${due.dueAt}`;
    if (plan.action === 'remind') {
      const member = due.recipient.personId === null ? due.unitId : `${due.unitId}|${due.recipient.personId}`;
      summary.push({ kind: due.deadlineKind, subject: due.subject, dueAt: due.dueAt, action: 'remind', offsetDays: plan.offsetDays, pending: 1 });
      claims.push({ what: `remind#${id}#${plan.offsetDays}`, part: partKey('ONE', [member]), dispatch: { action: 'remind', deadline, offsetDays: plan.offsetDays, members: [member], role: due.recipient.role, runAt: runAtIso } });
    } else if (plan.action === 'escalate') {
      escalating.push({ due, plan });
    }
  }
  const units = escalating.length > 0 ? await unitsById(escalating.map((e) => e.due.unitId)) : new Map();
  for (const { due, plan } of escalating) {
    const unit = units.get(due.unitId);
    if (!unit) continue;
    const overdue = [{ unitId: due.unitId, unitName: unit.name || due.unitId, daysOverdue: plan.daysOverdue }];
    const overseers = overseersOf(unit.ancestorIds).map((o) => ({ ...o, overdue }));
    summary.push({ kind: due.deadlineKind, subject: due.subject, dueAt: due.dueAt, action: 'escalate', round: plan.round, pending: 1 });
    if (overseers.length === 0) continue;
    const deadline = { kind: due.deadlineKind, subject: due.subject, dueAt: due.dueAt, title: due.title, unitId: due.unitId };
    claims.push({ what: `escalate#${due.deadlineKind}#${due.unitId}#${due.subject}#${due.dueAt}#R${plan.round}`, part: partKey('ONE', overseers), dispatch: { action: 'escalate', deadline, round: plan.round, overseers, runAt: runAtIso } });
  }
  return { claims, summary };
};

/** How many claims are written side by side. */
const claimWidth = 16;

/**
 * Runs the engine for the scheduled moment `runAt`: decides and records every reminder and
 * escalation due that day that no run has recorded yet.
 */
export const runDeadlines = async (runAt: Date, rules: DeadlineEngineConfig = deadlineEngineConfig()): Promise<RunSummary> => {
  const runAtIso = runAt.toISOString();
  const [group, records] = await Promise.all([groupDeadlinesOf(runAt, rules).then((deadlines) => groupClaims(deadlines, runAtIso)), recordClaims(runAt, rules)]);
  const claims = [...group.claims, ...records.claims];
  const recorded = await inParallel(claims, claimWidth, (c) => claimDispatch(c.what, c.part, c.dispatch));
  const mine = claims.filter((_, i) => recorded[i]);
  return {
    runAt: runAtIso,
    deadlines: [...group.summary, ...records.summary],
    reminders: mine.reduce((n, c) => n + (c.dispatch.action === 'remind' ? c.dispatch.members.length : 0), 0),
    escalations: mine.reduce((n, c) => n + (c.dispatch.action === 'escalate' ? c.dispatch.overseers.length : 0), 0),
    parts: { recorded: mine.length, alreadyRecorded: claims.length - mine.length },
  };
};
