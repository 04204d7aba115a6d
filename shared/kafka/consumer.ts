/**
 * The idempotent Kafka consumer behind every `kafka` trigger. Each record of an MSK event is parsed
 * and handled on its own, in offset order within its partition (partitions run side by side), so
 * that no record can make the whole batch fail:
 *  - a record with no key, or a null key, is handled like any other (the key only routes records);
 *  - a tombstone (no value, or a null value), a value that is not JSON or not a CloudEvent, data
 *    that fails its type's schema, and effects that DynamoDB refuses as invalid go to
 *    `<topic>.dlq` with the reason in the `dlq-reason` header, and the partition moves on;
 *  - a type the consumer does not handle is skipped (tolerant reader);
 *  - the effects and an inbox item (the event id) are written in one TransactWriteItems; a
 *    redelivered event fails the inbox condition and changes nothing;
 *  - any other failure (DynamoDB or the broker unavailable, throttling) is thrown, so the event
 *    source mapping retries the batch; records before the failing one are already in the inbox and
 *    count as duplicates, so processing resumes from that record, in order.
 *
 * Consecutive records of a partition share one TransactWriteItems (their inbox items and effects)
 * while it stays within {@link maxTransactionActions} actions and no two of its actions touch the
 * same item; a dead letter closes the group before it is sent. A group is all or nothing: when
 * DynamoDB cancels it because inbox items exist, those records are duplicates and the others are
 * written together again; when an effect's condition fails or DynamoDB refuses the request as
 * invalid, the records are written one by one, each with the outcome it has alone; any other
 * failure is thrown with none of the group applied. See docs/adr/0013-batched-consumer-and-relay.md.
 *
 * Lines logged while a record is handled carry its envelope's `correlationid`. Outcomes are counted
 * as metrics (`#shared/metrics.js`) and published at the end of every invocation.
 * See docs/adr/0005-outbox-inbox-dlq.md and docs/adr/0007-aws-event-shapes-and-poison-records.md.
 */
import type { MSKEvent } from 'aws-lambda';
import { z } from 'zod';
import type { Logger } from '@aws-lambda-powertools/logger';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CloudEvent } from '#events/envelope.js';
import { conditionFailedAt, dynamo, ttlAfterDays } from '../dynamo/client.js';
import { countConsumerFailure, countConsumerOutcome, publishMetrics, type ConsumerOutcome } from '../metrics.js';
import type { ProducerPort } from './producer.js';

/** How long an inbox item is kept: longer than any redelivery can come. */
const inboxRetentionDays = 14;

/** The longest `dlq-reason` header written. */
const maxReasonLength = 2000;

/**
 * The most actions DynamoDB takes in one TransactWriteItems.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
export const maxTransactionActions = 100;

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Where a consumer writes: one TransactWriteItems per group of records. An implementation fails as
 * DynamoDB does: with a `TransactionCanceledException` carrying `CancellationReasons` (one per
 * action, in order) when a condition does not hold, so that a duplicate is told from a passing
 * failure, and with a `ValidationException` for a request DynamoDB refuses (more than 100 actions,
 * two actions on one item, an item over 400 KB).
 */
export interface TransactWriter {
  transactWrite(items: readonly TransactItem[]): Promise<void>;
}

/** The DynamoDB implementation of {@link TransactWriter}, on the process's document client. */
export const dynamoTransactWriter: TransactWriter = {
  async transactWrite(items) {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...items] }));
  },
};

type Effects<E extends { type: string }> = {
  readonly [T in E['type']]?: (event: Extract<E, { type: T }>) => TransactItem[];
};

/** What {@link kafkaConsumer} needs. */
export interface ConsumerOptions<S extends z.ZodType<{ type: string; id: string }>> {
  /** Names the inbox, so that two consumers on one table keep separate inboxes; the `consumer` metric dimension. */
  readonly consumerName: string;
  /** The `service` metric dimension; by default what precedes the first `-` of {@link consumerName}. */
  readonly serviceName?: string;
  readonly tableName: () => string;
  /** The union of events on the topic. */
  readonly schema: S;
  /**
   * The items each handled type writes. Tables are keyed `pk`/`sk` (as every table of the system
   * is): a `Put` whose item has no `pk` is written in a transaction of its own.
   */
  readonly effects: Effects<z.output<S>>;
  /** Publishes dead letters. */
  readonly producer: ProducerPort;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Where effects and inbox items are written; DynamoDB by default. */
  readonly writer?: TransactWriter;
  /** The most actions one transaction carries; {@link maxTransactionActions} by default, 1 writes every record alone. */
  readonly maxActionsPerTransaction?: number;
}

/** What the consumer did with one record. */
export type ConsumeOutcome = ConsumerOutcome;

/** The result of one invocation: how many records ended in each outcome. */
export interface ConsumeResult {
  readonly outcomes: Record<ConsumeOutcome, number>;
}

/**
 * One record as Lambda delivers it: key and value in base64, each of them absent or null when the
 * record has none, headers as lists of byte values (signed, as Java bytes are).
 * https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
 */
const MskRecord = z.object({
  topic: z.string().min(1),
  partition: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  key: z.string().nullish(),
  value: z.string().nullish(),
});
type MskRecord = z.output<typeof MskRecord>;

/** The outer shape only: the records of each partition stay unparsed until each is handled. */
const MskEventShape = z.object({ records: z.record(z.string(), z.array(z.unknown())) });

/** One record, decoded, or the reason it could not be. */
interface Incoming {
  readonly topic: string;
  readonly source: string;
  readonly offset: number;
  readonly key: string | undefined;
  /** UTF-8 text of the value; `undefined` for a tombstone. */
  readonly value: string | undefined;
  readonly malformed?: string;
}

const decode = (partitionKey: string, raw: unknown, index: number): Incoming => {
  const parsed = MskRecord.safeParse(raw);
  if (!parsed.success) {
    // Not what Lambda sends; the topic is what precedes the partition number in the key.
    const topic = partitionKey.replace(/-\d+$/, '');
    return { topic, source: `${partitionKey}/#${index}`, offset: -1, key: undefined, value: JSON.stringify(raw) ?? '', malformed: z.prettifyError(parsed.error) };
  }
  const r: MskRecord = parsed.data;
  const text = (b64: string | null | undefined) => (typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('utf8') : undefined);
  return { topic: r.topic, source: `${r.topic}/${r.partition}/${r.offset}`, offset: r.offset, key: text(r.key), value: text(r.value) };
};

/**
 * Whether DynamoDB refused a write as invalid (an item over 400 KB, a key too long): the same
 * record would be refused again, so it is a dead letter rather than a reason to retry.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
const refusedAsInvalid = (error: unknown): boolean => {
  const e = error as { name?: string; CancellationReasons?: Array<{ Code?: string }> } | undefined;
  return e?.name === 'ValidationException' || (e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'ValidationError'));
};

/** The cancellation reason of each action of a cancelled TransactWriteItems, in order; empty for any other error. */
const cancellationCodes = (error: unknown): Array<string | undefined> =>
  (error as Error | undefined)?.name === 'TransactionCanceledException'
    ? ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).map((r) => r.Code)
    : [];

/** The `correlationid` of a parsed value, if it has one. */
const correlationOf = (json: unknown): string | undefined => {
  const id = (json as { correlationid?: unknown } | null)?.correlationid;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

/** A key value as text that is the same whatever the order of its attributes. */
const keyText = (key: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(key)
      .sort()
      .map((name) => [name, key[name]]),
  );

/**
 * The item an action touches, as `<table> <key>`, or `undefined` when it cannot be told (a `Put`
 * of an item without `pk`). Two actions of one transaction must not touch the same item.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html
 */
const itemOf = (action: TransactItem): string | undefined => {
  if (action.Put) {
    const { pk, sk } = action.Put.Item ?? {};
    return pk === undefined ? undefined : `${action.Put.TableName} ${keyText(sk === undefined ? { pk } : { pk, sk })}`;
  }
  const keyed = action.Update ?? action.Delete ?? action.ConditionCheck;
  return keyed?.Key ? `${keyed.TableName} ${keyText(keyed.Key)}` : undefined;
};

/**
 * Builds the handler of a `kafka` trigger; see the module comment. The handler answers the count
 * of each outcome.
 *
 * @example
 * ```ts
 * import { kafkaConsumer } from '#shared/kafka/consumer.js';
 * import { kafkaProducer } from '#shared/kafka/producer.js';
 * import { createLogger } from '#shared/logger.js';
 * import { now } from '#shared/clock.js';
 * import { SigningEvent } from '#events/index.js';
 *
 * export const handler = kafkaConsumer({
 *   consumerName: 'reports-onSigningEvents',
 *   tableName: () => 'reports',
 *   schema: SigningEvent,
 *   producer: kafkaProducer('reports-onSigningEvents'),
 *   logger: createLogger('reports'),
 *   now,
 *   effects: {
 *     'signing.UnitRegistered.v1': (event) => [
 *       { Put: { TableName: 'reports', Item: { pk: `UNIT#${event.data.unitId}`, sk: 'UNIT', kind: 'unit' } } },
 *     ],
 *   },
 * });
 * ```
 */
export const kafkaConsumer = <S extends z.ZodType<{ type: string; id: string }>>(options: ConsumerOptions<S>) => {
  const { logger, consumerName } = options;
  const service = options.serviceName ?? consumerName.split('-')[0] ?? consumerName;
  const writer = options.writer ?? dynamoTransactWriter;
  const maxActions = Math.max(1, Math.min(maxTransactionActions, options.maxActionsPerTransaction ?? maxTransactionActions));
  const effects = options.effects as Record<string, ((e: unknown) => TransactItem[]) | undefined>;

  /**
   * The logger for the lines of one record: a child carrying its correlation id, made only when a
   * line is written. A child rather than appendKeys on the shared logger, because the partitions of
   * a batch are handled side by side and would see each other's keys.
   */
  const recordLogger = (correlationId: string | undefined): (() => Logger) => {
    let child: Logger | undefined;
    return () => (correlationId === undefined ? logger : (child ??= logger.createChild({ persistentKeys: { correlationid: correlationId } })));
  };

  const deadLetter = async (record: Incoming, reason: string, log: () => Logger): Promise<ConsumeOutcome> => {
    log().warn('Record sent to the dead-letter topic', { source: record.source, reason });
    await options.producer.send(`${record.topic}.dlq`, [
      {
        key: record.key ?? null,
        value: record.value ?? null,
        headers: {
          'dlq-reason': reason.slice(0, maxReasonLength),
          'dlq-consumer': consumerName,
          'dlq-source': record.source,
        },
      },
    ]);
    return 'dead-lettered';
  };

  /** A record whose inbox item and effects are to be written. */
  interface Write {
    readonly kind: 'write';
    readonly record: Incoming;
    readonly type: string;
    readonly log: () => Logger;
    /** The inbox item first, then the effects. */
    readonly actions: readonly TransactItem[];
    /** The items the actions touch; `undefined` when one of them cannot be told. */
    readonly items: readonly string[] | undefined;
  }

  /** What is to be done with one record, decided without I/O. */
  type Plan = Write | { readonly kind: 'skip' } | { readonly kind: 'dead-letter'; readonly record: Incoming; readonly reason: string; readonly log: () => Logger };

  const plan = (record: Incoming): Plan => {
    const deadLetterFor = (reason: string, log = recordLogger(undefined)): Plan => ({ kind: 'dead-letter', record, reason, log });
    if (record.malformed !== undefined) return deadLetterFor(`not an MSK record: ${record.malformed}`);
    if (record.value === undefined) return deadLetterFor('tombstone: the record has no value');
    let json: unknown;
    try {
      json = JSON.parse(record.value);
    } catch {
      return deadLetterFor('value is not JSON');
    }
    const log = recordLogger(correlationOf(json));
    const envelope = CloudEvent.safeParse(json);
    if (!envelope.success) return deadLetterFor(`not a CloudEvent: ${z.prettifyError(envelope.error)}`, log);
    const effect = effects[envelope.data.type];
    if (!effect) return { kind: 'skip' };
    const event = options.schema.safeParse(json);
    if (!event.success) return deadLetterFor(`${envelope.data.type}: ${z.prettifyError(event.error)}`, log);
    const table = options.tableName();
    const inbox: TransactItem = {
      Put: {
        TableName: table,
        Item: {
          pk: `INBOX#${consumerName}#${event.data.id}`,
          sk: 'INBOX',
          kind: 'inbox',
          expiresAt: ttlAfterDays(options.now(), inboxRetentionDays),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const actions = [inbox, ...effect(event.data)];
    const items = actions.map(itemOf);
    return { kind: 'write', record, type: envelope.data.type, log, actions, items: items.every((i) => i !== undefined) ? items : undefined };
  };

  /** Logs and counts a passing failure, which the caller throws so that the batch is retried from `first`. */
  const passingFailure = (first: Write, error: unknown, records: number): void => {
    countConsumerFailure(service, consumerName);
    first.log().warn('Record not applied; the batch will be retried from it', { source: first.record.source, records, error: error as Error });
  };

  /** Writes one record alone: applied, a duplicate, a dead letter, or thrown. */
  const writeOne = async (write: Write): Promise<ConsumeOutcome> => {
    try {
      await writer.transactWrite(write.actions);
      return 'applied';
    } catch (error) {
      if (conditionFailedAt(error, 0)) return 'duplicate';
      if (refusedAsInvalid(error)) return deadLetter(write.record, `${write.type}: DynamoDB refused the effects: ${(error as Error).message}`, write.log);
      passingFailure(write, error, 1);
      throw error;
    }
  };

  /**
   * Handles the records of one partition in offset order, `settle` counting each outcome as soon
   * as it is final. Writes are gathered into groups (see the module comment); a skipped record
   * settles with the group it sits in, so that nothing after a failure is counted.
   */
  const consumePartition = async (incoming: readonly Incoming[], settle: (outcome: ConsumeOutcome) => void): Promise<void> => {
    let group: Array<Write | { readonly kind: 'skip' }> = [];
    let actions = 0;
    const touched = new Set<string>();

    /**
     * Writes a group in one transaction. When DynamoDB cancels it because inbox items already
     * exist, those records are duplicates (the inbox is only ever written with the effects): they
     * are counted so and the others are written together again. When it fails for any other reason
     * of a record (the condition of an effect, an action refused as invalid), the records are
     * written one by one, each getting the outcome it has alone. Any other failure is thrown.
     */
    const writeGroup = async (entries: ReadonlyArray<Write | { readonly kind: 'skip' }>): Promise<void> => {
      let remaining = entries;
      for (;;) {
        const batch = remaining.filter((e): e is Write => e.kind === 'write');
        if (batch.length <= 1) break;
        try {
          await writer.transactWrite(batch.flatMap((w) => w.actions));
          remaining.forEach((e) => settle(e.kind === 'skip' ? 'skipped' : 'applied'));
          return;
        } catch (error) {
          const codes = cancellationCodes(error);
          if (!refusedAsInvalid(error) && !codes.includes('ConditionalCheckFailed')) {
            passingFailure(batch[0]!, error, batch.length);
            throw error;
          }
          const duplicates = new Set<Write>();
          let effectFailed = refusedAsInvalid(error);
          let at = 0;
          for (const write of batch) {
            if (codes[at] === 'ConditionalCheckFailed') duplicates.add(write);
            if (codes.slice(at + 1, at + write.actions.length).includes('ConditionalCheckFailed')) effectFailed = true;
            at += write.actions.length;
          }
          if (effectFailed || duplicates.size === 0) break;
          duplicates.forEach(() => settle('duplicate'));
          remaining = remaining.filter((e) => e.kind === 'skip' || !duplicates.has(e));
        }
      }
      for (const entry of remaining) settle(entry.kind === 'skip' ? 'skipped' : await writeOne(entry));
    };

    const flush = async (): Promise<void> => {
      const entries = group;
      group = [];
      actions = 0;
      touched.clear();
      await writeGroup(entries);
    };

    for (const record of incoming) {
      let next: Plan;
      try {
        next = plan(record);
      } catch (error) {
        // An effect that throws is a fault of the function: what precedes it is written, then it fails the batch.
        await flush();
        throw error;
      }
      if (next.kind === 'skip') {
        group.push(next);
        continue;
      }
      if (next.kind === 'dead-letter') {
        await flush();
        settle(await deadLetter(next.record, next.reason, next.log));
        continue;
      }
      const fits = next.items !== undefined && actions + next.actions.length <= maxActions && next.items.every((item) => !touched.has(item));
      if (!fits) await flush();
      group.push(next);
      actions += next.actions.length;
      next.items?.forEach((item) => touched.add(item));
      // A record whose items cannot be told goes alone.
      if (next.items === undefined) await flush();
    }
    await flush();
  };

  return async (event: MSKEvent): Promise<ConsumeResult> => {
    try {
      const { records } = MskEventShape.parse(event);
      const outcomes: Record<ConsumeOutcome, number> = { applied: 0, duplicate: 0, skipped: 0, 'dead-lettered': 0 };
      const settle = (outcome: ConsumeOutcome) => {
        outcomes[outcome]++;
        countConsumerOutcome(service, consumerName, outcome);
      };
      // Partitions are independent: each goes in offset order, all of them at once.
      const results = await Promise.allSettled(
        Object.entries(records).map(([partitionKey, raws]) =>
          consumePartition(
            raws.map((raw, index) => decode(partitionKey, raw, index)).sort((a, b) => a.offset - b.offset),
            settle,
          ),
        ),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      logger.debug('Batch consumed', { outcomes });
      return { outcomes };
    } finally {
      publishMetrics();
    }
  };
};
