/**
 * The notice inbox: each person reads the notices of their unit meant for their role, and those
 * meant for them by name; marking one read is theirs alone. And the contacts through which
 * reminders also go by email and SMS, kept by the unit itself (personal data: only the unit's own
 * secretary reads and sets them).
 */
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '#shared/auth/claims.js';
import { NotFoundError, RuleError } from '#shared/errors.js';
import { dynamo, queryPartition } from '#shared/dynamo/client.js';
import { contactKey, noticeKey } from '../adapters/deadlineRepository.js';
import { store } from '../adapters/reportRepository.js';
import type { Notice } from './dispatch.js';

/** Who reads a notice addressed to a role of a unit: the secretary's go to the committee's people, the discipline body's to it alone. */
const readersOf: Record<string, readonly Caller['role'][]> = {
  unit_secretary: ['unit_secretary', 'unit_staff', 'organisation_dept', 'admin'],
  unit_staff: ['unit_staff', 'unit_secretary', 'admin'],
  discipline_inspector: ['discipline_inspector', 'admin'],
  organisation_dept: ['organisation_dept', 'admin'],
};

/** Whether the caller reads the notice: theirs by name, or their unit's for their role. */
export const mayRead = (caller: Caller, notice: Pick<Notice, 'recipient'>): boolean =>
  caller.unitId === notice.recipient.unitId &&
  (notice.recipient.personId !== null ? notice.recipient.personId === caller.subject : (readersOf[notice.recipient.role] ?? []).includes(caller.role));

const viewOf = (caller: Caller, item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, kind: _kind, readBy, attempts: _attempts, ...notice } = item;
  return { ...(notice as unknown as Notice), read: (readBy as Set<string> | undefined)?.has(caller.subject) ?? false };
};

/** The caller's notices, newest first; at most `limit`, only unread ones with `unreadOnly`. */
export const listNotices = async (caller: Caller, options: { unreadOnly: boolean; limit: number }) => {
  if (caller.unitId === undefined) return { notices: [], unread: 0 };
  const notices: ReturnType<typeof viewOf>[] = [];
  let unread = 0;
  let start: Record<string, unknown> | undefined;
  // Newest first, page by page, until enough are found for the caller (others' notices share the partition).
  do {
    const page = await dynamo().send(
      new QueryCommand({ TableName: store.table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)', ExpressionAttributeValues: { ':pk': `NOTICES#${caller.unitId}`, ':n': 'N#' }, ScanIndexForward: false, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      if (!mayRead(caller, item as unknown as Notice)) continue;
      const view = viewOf(caller, item);
      if (!view.read) unread++;
      if ((!options.unreadOnly || !view.read) && notices.length < options.limit) notices.push(view);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { notices, unread };
};

/** Marks a notice read for the caller; a notice they may not read is, to them, not there. */
export const markNoticeRead = async (caller: Caller, noticeId: string) => {
  if (caller.unitId === undefined) throw new NotFoundError(`No notice ${noticeId}`);
  const key = noticeKey(caller.unitId, noticeId);
  const item = await store.getItem(key.pk, key.sk);
  if (!item || !mayRead(caller, item as unknown as Notice)) throw new NotFoundError(`No notice ${noticeId}`);
  const { Attributes } = await dynamo().send(
    new UpdateCommand({ TableName: store.table(), Key: key, UpdateExpression: 'ADD readBy :me', ExpressionAttributeValues: { ':me': new Set([caller.subject]) }, ReturnValues: 'ALL_NEW' }),
  );
  return viewOf(caller, Attributes ?? item);
};

/** One contact of a unit. */
export interface ContactEntry {
  readonly for: 'unit_secretary' | 'discipline_inspector' | 'person';
  readonly personId?: string | undefined;
  readonly email?: string | undefined;
  readonly mobile?: string | undefined;
}

const whoOf = (entry: ContactEntry): string => (entry.for === 'person' ? `person#${entry.personId}` : entry.for);

/** The unit's contacts. */
export const viewContacts = async (unitId: string) => ({
  unitId,
  contacts: (await queryPartition(store.table(), `CONTACTS#${unitId}`)).map((i) => ({
    for: String(i.sk).startsWith('person#') ? 'person' : String(i.sk),
    ...(String(i.sk).startsWith('person#') ? { personId: String(i.sk).slice('person#'.length) } : {}),
    ...(i.email ? { email: i.email as string } : {}),
    ...(i.mobile ? { mobile: i.mobile as string } : {}),
  })),
});

/** Replaces the unit's contacts, all at once. */
export const replaceContacts = async (unitId: string, contacts: readonly ContactEntry[]) => {
  const problems = contacts.flatMap((c, i) => [
    ...(c.for === 'person' && !c.personId ? [{ path: `contacts.${i}.personId`, message: '按人员登记时须填写人员编号' }] : []),
    ...(c.for !== 'person' && c.personId ? [{ path: `contacts.${i}.personId`, message: '按角色登记时不填写人员编号' }] : []),
    ...(!c.email && !c.mobile ? [{ path: `contacts.${i}`, message: '邮箱和手机号码至少填写一项' }] : []),
  ]);
  const who = contacts.map(whoOf);
  who.forEach((w, i) => {
    if (who.indexOf(w) !== i) problems.push({ path: `contacts.${i}`, message: '同一角色或人员登记了两次' });
  });
  if (problems.length > 0) throw new RuleError('The contacts are not valid', problems);
  const existing = await queryPartition(store.table(), `CONTACTS#${unitId}`);
  const removed = existing.filter((i) => !who.includes(String(i.sk)));
  const actions = [
    ...removed.map((i) => ({ Delete: { TableName: store.table(), Key: { pk: i.pk, sk: i.sk } } })),
    ...contacts.map((c) => ({ Put: { TableName: store.table(), Item: { ...contactKey(unitId, whoOf(c)), kind: 'contact', ...(c.email ? { email: c.email } : {}), ...(c.mobile ? { mobile: c.mobile } : {}) } } })),
  ];
  if (actions.length > 0) await dynamo().send(new TransactWriteCommand({ TransactItems: actions }));
  return viewContacts(unitId);
};
