/**
 * A service's table and the one way its state is written: the changed items and the outbox items of
 * their events in one TransactWriteItems, each item under its own condition. A condition that fails
 * means someone else changed the state since it was read: a 409, never a lost update.
 */
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CloudEvent } from '#events/envelope.js';
import { ConflictError } from '../errors.js';
import { outboxPut } from '../outbox/outbox.js';
import { cancellationCodes, dynamo, queryPartition } from './client.js';
import { assertItemFits } from './limits.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * An item to put: new (`absent`), replacing the one read at `revision` (by its `revision`
 * attribute) or at `version`, whatever is there (`any`), or an announcement not yet made
 * (`unannounced`: its `notified` is false).
 */
export interface ItemPut {
  readonly item: Record<string, unknown> & { pk: string; sk: string; kind: string };
  readonly expect: 'absent' | { readonly revision: number } | { readonly version: number } | 'any' | 'unannounced';
  /** What the item is, in the 413 a too large item gets. */
  readonly what: string;
}

/** An item to delete, if it still holds `attribute` = `value` (a slot released by its holder only). */
export interface ItemDelete {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly attribute: string;
  readonly value: string;
}

const conditionOf = (expect: ItemPut['expect']): { ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } =>
  expect === 'absent'
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : expect === 'any'
      ? {}
      : expect === 'unannounced'
        ? { ConditionExpression: 'notified = :no', ExpressionAttributeValues: { ':no': false } }
        : 'version' in expect
          ? { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': expect.version } }
          : { ConditionExpression: '#revision = :revision', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': expect.revision } };

/** Tries of a write cancelled by a conflicting transaction. */
const conflictAttempts = 4;

/** The store of one service's table, whose events go to `topic`. */
export const tableStore = (table: () => string, topic: string) => {
  const putOf = ({ item, expect }: ItemPut): TransactItem => ({ Put: { TableName: table(), Item: item, ...conditionOf(expect) } });
  const deleteOf = ({ key, attribute, value }: ItemDelete): TransactItem => ({
    Delete: { TableName: table(), Key: key, ConditionExpression: '#a = :v', ExpressionAttributeNames: { '#a': attribute }, ExpressionAttributeValues: { ':v': value } },
  });
  return {
    table,
    /**
     * Writes the items (and deletes, if any) and the events' outbox items in one transaction;
     * `conflict` is the message of the 409 when a condition fails.
     */
    writeWithEvents: async (puts: readonly ItemPut[], events: readonly CloudEvent[], at: Date, conflict: string, deletes: readonly ItemDelete[] = []): Promise<void> => {
      for (const put of puts) assertItemFits(put.item, put.what);
      const outbox = events.map((event) => outboxPut(table(), topic, event, at));
      for (const o of outbox) assertItemFits(o.Put.Item, 'The event');
      const command = new TransactWriteCommand({ TransactItems: [...puts.map(putOf), ...deletes.map(deleteOf), ...outbox] });
      for (let attempt = 1; ; attempt++) {
        try {
          await dynamo().send(command);
          return;
        } catch (error) {
          const reasons = cancellationCodes(error);
          if (reasons.includes('ConditionalCheckFailed')) throw new ConflictError(conflict, { cause: error });
          // Cancelled only because another transaction touched the same items at that moment: nothing
          // was written and no condition failed, so the same write is tried again after a short pause.
          // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling
          if (!reasons.includes('TransactionConflict')) throw error;
          if (attempt >= conflictAttempts) throw new ConflictError(conflict, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        }
      }
    },
    /** The items of partition `pk` whose sort key starts with `prefix`, in sort key order, read consistently. */
    queryItems: (pk: string, prefix: string): Promise<Record<string, unknown>[]> => queryPartition(table(), pk, { prefix, consistent: true }),
    /** One item, read consistently. */
    getItem: async (pk: string, sk: string): Promise<Record<string, unknown> | undefined> =>
      (await dynamo().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: true }))).Item,
  };
};

/**
 * Runs `attempt` (which reads, decides and writes) again when its write met a changed state, up to
 * `attempts` times in all, after a short random pause; the last conflict is the caller's 409.
 */
export const againOnConflict = async <T>(attempt: () => Promise<T>, attempts: number): Promise<T> => {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || n >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * n));
    }
  }
};

/** An item as read, without its keys and item type, keeping its `revision` (the write guard of what follows). */
export const stateOf = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, kind: _kind, ...rest } = item;
  return rest as T;
};

/** An item as read, without the table's own attributes (keys, item type and write revision). */
export const withoutKeys = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, kind: _kind, revision: _revision, ...rest } = item;
  return rest as T;
};
