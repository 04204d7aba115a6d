/**
 * The signing table and the one way state is written to it: the changed items and the outbox items
 * of their events in one TransactWriteItems, each item under its own condition. A condition that
 * fails means someone else changed the state since it was read: a 409, never a lost update.
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the unit tree;
 * - `UNIT#<unitId>` / `POST#<postId>`: posts, ended ones kept;
 * - `UNIT#<unitId>` / `LIST#<year>#<subject>#<postId|unit>`: responsibility lists, one per slot;
 * - `UNIT#<unitId>` / `LETTER#<year>#<letterId>#V<version>`: every version of every letter;
 * - `UNIT#<unitId>` / `PAIR#<year>#<kind>#<recipientPostId>`: the letter of a signing pair, so a
 *   pair never gets two;
 * - `LETTER#<letterId>` / `LETTER`: where a letter is and its current version;
 * - `LETTERS#<year>` / `<unitId>#<letterId>`: the year's letters at a glance, for coverage;
 * - `CHAIN#<unitId>#<year>` / `SIG#<sequence>` and `HEAD`: the signature chain.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#shared/dynamo/client.js';
import { assertItemFits } from '#shared/dynamo/limits.js';
import { ConflictError } from '#shared/errors.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import type { CloudEvent } from '#events/envelope.js';
import { topics } from '#events/topics.js';

export const table = (): string => tableName('signing');

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** An item to put: new (`absent`), or replacing the one read at `revision` (by its `revision` attribute). */
export interface ItemPut {
  readonly item: Record<string, unknown> & { pk: string; sk: string; kind: string };
  readonly expect: 'absent' | { readonly revision: number } | 'any';
  /** What the item is, in the 413 a too large item gets. */
  readonly what: string;
}

const putOf = ({ item, expect }: ItemPut): TransactItem => ({
  Put: {
    TableName: table(),
    Item: item,
    ...(expect === 'absent'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : expect === 'any'
        ? {}
        : { ConditionExpression: '#revision = :revision', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': expect.revision } }),
  },
});

/**
 * Writes the items and the events' outbox items in one transaction; `conflict` is the message of
 * the 409 when a condition fails.
 */
export const writeWithEvents = async (puts: readonly ItemPut[], events: readonly CloudEvent[], at: Date, conflict: string): Promise<void> => {
  for (const put of puts) assertItemFits(put.item, put.what);
  const outbox = events.map((event) => outboxPut(table(), topics.signing, event, at));
  for (const o of outbox) assertItemFits(o.Put.Item, 'The event');
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...puts.map(putOf), ...outbox] }));
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      // Another transaction on the same items at the same moment is the same kind of conflict.
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) throw new ConflictError(conflict, { cause: error });
    }
    throw error;
  }
};

/** An item as read, without the table's own attributes. */
export const withoutKeys = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
};

/** The items of partition `pk` whose sort key starts with `prefix`, in sort key order, read consistently. */
export const queryItems = async (pk: string, prefix: string): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** One item, read consistently. */
export const getItem = async (pk: string, sk: string): Promise<Record<string, unknown> | undefined> =>
  (await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }))).Item;
