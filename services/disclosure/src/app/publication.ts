/**
 * Publication: events of reports and inspections become candidates (each through its kind's
 * allow-list, written with the consumer's inbox item, so that a replay makes the same item); the
 * reviewing unit's discipline body approves (publishing within a scope) or rejects each by name;
 * a published item can be withdrawn. Publishing and withdrawing write the public copy in the same
 * transaction as the item and its event, so that an item is on every endpoint, or on none, at once.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import { NotFoundError } from '#shared/errors.js';
import type { TransactItem } from '#shared/kafka/consumer.js';
import type { ItemPut } from '#shared/dynamo/store.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import { actorOf } from '#events/people.js';
import { cstDate, type Causation } from '#events/envelope.js';
import type { DisclosureScope, PublicationKind } from '#events/disclosure/parts.js';
import type { InspectionsEvent, ReportsEvent } from '#events/index.js';
import { topics } from '#events/topics.js';
import { disclosureConfig } from '../config.js';
import { approve, candidateOf, publicationOf, reject, visibleTo, withdraw, type Candidate, type PublicationItem } from '../domain/publication.js';
import { maskUnitName } from '../domain/redaction.js';
import {
  getKnownUnit,
  getPublicationItem,
  itemOwnerKey,
  itemsReviewedBy,
  publicationItem,
  publishedKey,
  publishedTo,
  publishedToAnyone,
  store,
  taskKey,
  taskTitle,
} from '../adapters/disclosureRepository.js';
import { disclosureEvent } from './events.js';
import { escalatedEffects } from './complaintDeadlines.js';

/** The namespace of item ids made from the id of the event that proposed them, so that a replay makes the same item. */
const derivedIds = '3c9d2f41-7a0e-5b8c-9d1e-2f3a4b5c6d7e';

const put = (item: Record<string, unknown>): TransactItem => ({ Put: { TableName: store.table(), Item: item } });

type Source = ReportsEvent | InspectionsEvent;

const newItem = (event: Source, itemId: string, c: Candidate, status: 'proposed' | 'refused', reason: string | null): PublicationItem => ({
  itemId,
  ...c,
  status,
  source: { type: event.type, id: event.id },
  proposedOn: cstDate(new Date(event.time)),
  reviewer: null,
  reviewedOn: null,
  reason,
  published: null,
  withdrawnOn: null,
  version: 1,
});

/**
 * What an event of reports or inspections writes: its candidate and `ItemProposed`, and for a key
 * task its title. A candidate whose text still holds an identity-card or mobile number is kept as
 * refused, empty, and never proposed.
 */
export const proposalEffects = (event: Source): TransactItem[] => {
  const itemId = uuidv5(`publication:${event.id}`, derivedIds);
  const task = event.type === 'reports.KeyTaskAdded.v1' ? [put({ ...taskKey(event.data.taskId), kind: 'task', title: event.data.title, unitId: event.data.unitId, year: event.data.year })] : [];
  const proposed = candidateOf(event);
  if (!proposed) return task;
  const { refused, ...c } = proposed;
  if (refused) {
    const kept = newItem(event, itemId, c, 'refused', '内容含身份证号码或手机号码，不予公开 / holds an identity-card or mobile number');
    return [...task, put(publicationItem(kept)), put({ ...itemOwnerKey(itemId), kind: 'owner', unitId: kept.reviewUnitId })];
  }
  const item = newItem(event, itemId, c, 'proposed', null);
  const at = new Date(event.time);
  const announced = disclosureEvent(
    'disclosure.ItemProposed.v1',
    { subject: itemId, unitId: item.unitId, version: 1 },
    { itemId, kind: item.kind, unitId: item.unitId, reviewUnitId: item.reviewUnitId, scope: item.scope, source: item.source, proposedOn: item.proposedOn },
    { correlationId: event.correlationid, traceparent: event.traceparent },
    at,
  );
  return [...task, put(publicationItem(item)), put({ ...itemOwnerKey(itemId), kind: 'owner', unitId: item.reviewUnitId }), outboxPut(store.table(), topics.disclosure, announced, at)];
};

const reportsTypes = ['reports.KeyTaskAdded.v1', 'reports.KeyTaskProgressed.v1', 'reports.KeyTaskRated.v1'] as const;
const inspectionsTypes = ['inspections.AssessmentRanked.v1', 'inspections.TypicalCaseMarked.v1', 'inspections.ClarificationIssued.v1', 'inspections.AccountabilityCirculated.v1'] as const;
/** From `reports.events`: candidates for publication, and the escalation of a complaint's answer deadline. */
export const fromReportsEffects = {
  ...(Object.fromEntries(reportsTypes.map((t) => [t, proposalEffects])) as Record<(typeof reportsTypes)[number], (e: ReportsEvent) => TransactItem[]>),
  'reports.DeadlineEscalated.v1': escalatedEffects,
};
export const fromInspectionsEffects = Object.fromEntries(inspectionsTypes.map((t) => [t, proposalEffects])) as Record<(typeof inspectionsTypes)[number], (e: InspectionsEvent) => TransactItem[]>;

/** `read` remembered per key for one request, so that items of the same unit or task read it once. */
const remembered = <T>(read: (key: string) => Promise<T>) => {
  const known = new Map<string, Promise<T>>();
  return (key: string): Promise<T> => known.get(key) ?? known.set(key, read(key)).get(key)!;
};
type Lookups = { readonly unit: typeof getKnownUnit; readonly title: typeof taskTitle };
const lookups = (): Lookups => ({ unit: remembered(getKnownUnit), title: remembered(taskTitle) });

/** The names an item publishes: each unit's (masked below the configured level) and its key task's title. */
const namesFor = async (item: Candidate, read: Lookups) => {
  const rows = Array.isArray(item.draft.ranking) ? item.draft.ranking.map((r) => String(r.unitId)) : [];
  const ids = [...new Set([item.unitId, ...rows])];
  const units = new Map((await Promise.all(ids.map(read.unit))).flatMap((u) => (u ? [[u.id, u] as const] : [])));
  const unit = (unitId: string) => {
    const u = units.get(unitId);
    return u ? maskUnitName(u.name, u.ancestorIds.length, disclosureConfig.publicUnitNamesUpToLevel) : '某单位';
  };
  return { unit, taskTitle: item.taskId ? ((await read.title(item.taskId)) ?? null) : null };
};

const reviewView = async (item: PublicationItem, read: Lookups = lookups()) => {
  const publication = item.published ? { title: item.published.title, payload: item.published.payload } : item.status === 'proposed' ? publicationOf(item, await namesFor(item, read)) : null;
  const { draft: _d, taskId: _t, published: _p, ...rest } = item;
  return { ...rest, publication };
};

/** The items a unit's discipline body reviews, newest first, with what each publishes or would. */
export const reviewQueue = async (unitId: string, status?: PublicationItem['status']) => {
  const items = (await itemsReviewedBy(unitId)).filter((i) => !status || i.status === status);
  const read = lookups();
  return { items: (await Promise.all(items.map((i) => reviewView(i, read)))).sort((a, b) => b.proposedOn.localeCompare(a.proposedOn) || b.itemId.localeCompare(a.itemId)) };
};

const found = async (itemId: string): Promise<PublicationItem> => {
  const item = await getPublicationItem(itemId);
  if (!item) throw new NotFoundError('No such publication item');
  return item;
};

type Step = { readonly itemId: string; readonly caller: Caller; readonly cause: Causation; readonly at: Date };
const about = (i: PublicationItem) => ({ subject: i.itemId, unitId: i.unitId, version: i.version });
const ids = (i: PublicationItem) => ({ itemId: i.itemId, kind: i.kind, unitId: i.unitId });
const audienceOf = (scope: DisclosureScope): 'PUBLIC' | 'SIGNEDIN' => (scope === 'public' ? 'PUBLIC' : 'SIGNEDIN');
const itemPut = (before: PublicationItem, after: PublicationItem): ItemPut => ({ item: publicationItem(after), expect: { version: before.version }, what: 'The publication item' });

/** Approves a proposed item by name and publishes it within `scope` (the one proposed by default). */
export const approveItem = async ({ itemId, caller, cause, at }: Step, scope?: DisclosureScope) => {
  const before = await found(itemId);
  const today = cstDate(at);
  const read = lookups();
  const after = approve(before, { subject: caller.subject, role: caller.role, on: today }, publicationOf(before, await namesFor(before, read)), scope);
  const published = after.published!;
  const unit = await read.unit(after.unitId);
  const copy = {
    ...publishedKey(audienceOf(published.scope), itemId),
    kind: 'published',
    itemId,
    itemKind: after.kind,
    unitId: after.unitId,
    unitPath: [...(unit?.ancestorIds ?? []), after.unitId],
    title: published.title,
    payload: published.payload,
    scope: published.scope,
    scopeUnitId: published.scopeUnitId,
    publishedOn: published.publishedOn,
  };
  await store.writeWithEvents(
    [itemPut(before, after), { item: copy, expect: 'absent', what: 'The published item' }],
    [disclosureEvent('disclosure.ItemPublished.v1', about(after), { ...ids(after), scope: published.scope, scopeUnitId: published.scopeUnitId, title: published.title, payload: published.payload, publishedOn: today, actor: actorOf(caller) }, cause, at)],
    at,
    'The item was reviewed meanwhile',
  );
  return reviewView(after);
};

/** Rejects a proposed item by name: it is never published. */
export const rejectItem = async ({ itemId, caller, cause, at }: Step, reason: string) => {
  const before = await found(itemId);
  const today = cstDate(at);
  const after = reject(before, { subject: caller.subject, role: caller.role, on: today }, reason);
  await store.writeWithEvents([itemPut(before, after)], [disclosureEvent('disclosure.ItemRejected.v1', about(after), { ...ids(after), rejectedOn: today, actor: actorOf(caller) }, cause, at)], at, 'The item was reviewed meanwhile');
  return reviewView(after);
};

/** Withdraws a published item: its public copy is deleted in the same write as `ItemWithdrawn`. */
export const withdrawItem = async ({ itemId, caller, cause, at }: Step, reason: string) => {
  const before = await found(itemId);
  const today = cstDate(at);
  const after = withdraw(before, today, reason);
  const scope = before.published!.scope;
  await store.writeWithEvents(
    [itemPut(before, after)],
    [disclosureEvent('disclosure.ItemWithdrawn.v1', about(after), { ...ids(after), scope, withdrawnOn: today, actor: actorOf(caller) }, cause, at)],
    at,
    'The item was changed meanwhile',
    [{ key: publishedKey(audienceOf(scope), itemId), attribute: 'itemId', value: itemId }],
  );
  return reviewView(after);
};

type Copy = Record<string, unknown>;
const publicView = (c: Copy) => ({ itemId: String(c.itemId), kind: c.itemKind as PublicationKind, unitId: String(c.unitId), title: String(c.title), payload: c.payload as Record<string, never>, publishedOn: String(c.publishedOn) });
const matching = (filter: { unitId?: string | undefined; kind?: PublicationKind | undefined }) => (c: Copy) =>
  (!filter.unitId || (c.unitPath as string[]).includes(filter.unitId)) && (!filter.kind || c.itemKind === filter.kind);
const newestFirst = (a: { publishedOn: string; itemId: string }, b: { publishedOn: string; itemId: string }) => b.publishedOn.localeCompare(a.publishedOn) || b.itemId.localeCompare(a.itemId);

/** What anyone may read: the items published to the public, about a unit and the units below it, of a kind. */
export const publicItems = async (filter: { unitId?: string | undefined; kind?: PublicationKind | undefined }) => ({
  items: (await publishedTo('PUBLIC')).filter(matching(filter)).map(publicView).sort(newestFirst),
});

/** One item published to the public; a 404 for any other, withdrawn or never published alike. */
export const publicItem = async (itemId: string) => {
  const copy = await publishedToAnyone(itemId);
  if (!copy) throw new NotFoundError('No such published item');
  return publicView(copy);
};

/** What a signed-in unit may read: the public items, those within the system, and those within a subtree it is in. */
export const signedInItems = async (caller: Caller, filter: { unitId?: string | undefined; kind?: PublicationKind | undefined }) => {
  const unit = caller.unitId ? await getKnownUnit(caller.unitId) : undefined;
  const path = caller.unitId ? [...(unit?.ancestorIds ?? []), caller.unitId] : null;
  const copies = (await Promise.all([publishedTo('PUBLIC'), publishedTo('SIGNEDIN')])).flat();
  return {
    items: copies
      .filter(matching(filter))
      .filter((c) => visibleTo({ scope: c.scope as DisclosureScope, scopeUnitId: String(c.scopeUnitId) }, path))
      .map((c) => ({ ...publicView(c), scope: c.scope as DisclosureScope, scopeUnitId: String(c.scopeUnitId) }))
      .sort(newestFirst),
  };
};
