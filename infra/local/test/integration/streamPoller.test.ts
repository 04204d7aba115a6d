/**
 * The local DynamoDB Streams poller on DynamoDB Local, held to what Lambda's event source mapping
 * does (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html): batches of at most the
 * trigger's batch size, in stream order, only the records the filter lets through; a batch item
 * failure is retried from that record although the poller had already read the next page; and a
 * restart goes on after the last record handled, however the checkpoints were written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { defineService } from '#shared/manifest.js';
import { ensureTables, localDynamoClient } from '../../dynamodb.js';
import type { LocalFunction } from '../../functions.js';
import { startStreamPollers, type StreamPoller } from '../../streams.js';
import { readState } from '../support/state.js';
import { documentClient, eventually } from '../support/harness.js';

const tableName = `poller-${Date.now()}`;
const batchSize = 400;
const probe = defineService({
  name: 'probe',
  produces: [],
  tables: { main: { name: tableName, stream: true } },
  functions: {
    relay: { entry: 'unused', description: 'test', memoryMb: 128, timeoutSeconds: 5, triggers: [{ type: 'stream', table: 'main', batchSize, kindFilter: 'outbox' }] },
  },
});

/** One delivered record: its sequence number, its `n` and its kind. */
interface Seen {
  readonly sequence: string;
  readonly n: number;
  readonly kind: string;
  readonly eventName: string;
}

/** A function that keeps every batch it is given and answers what `answer` says. */
const recordingFunction = (answer: (batch: readonly Seen[]) => DynamoDBBatchResponse) => {
  const batches: Seen[][] = [];
  const fn: LocalFunction = {
    service: probe.name,
    name: 'relay',
    qualifiedName: 'probe-relay',
    spec: probe.functions.relay,
    invoke: async (event) => {
      const batch = (event as DynamoDBStreamEvent).Records.map((r) => ({
        sequence: r.dynamodb!.SequenceNumber!,
        n: Number(r.dynamodb!.NewImage!.n!.N),
        kind: r.dynamodb!.NewImage!.kind!.S!,
        eventName: r.eventName!,
      }));
      batches.push(batch);
      return answer(batch);
    },
  };
  return { fn, batches };
};

/** Writes items `from`..`to`, an outbox item and a report item for each n, in transactions of 100. */
const insert = async (from: number, to: number) => {
  const puts = [];
  for (let n = from; n <= to; n++) {
    puts.push({ Put: { TableName: tableName, Item: { pk: `OUTBOX#${randomUUID()}`, sk: 'OUTBOX', kind: 'outbox', n } } });
    if (n % 10 === 0) puts.push({ Put: { TableName: tableName, Item: { pk: `REPORT#${n}`, sk: 'REPORT', kind: 'report', n } } });
  }
  for (let i = 0; i < puts.length; i += 100) await documentClient().send(new TransactWriteCommand({ TransactItems: puts.slice(i, i + 100) }));
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'poller-test-'));
let pollers: StreamPoller[] = [];
const start = (fn: LocalFunction) =>
  startStreamPollers({ endpoint: readState().endpoint, dataDir, services: [probe], functions: new Map([['probe-relay', fn]]), log: () => undefined });

beforeAll(async () => {
  await ensureTables(readState().endpoint, [probe]);
});

afterAll(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
  await localDynamoClient(readState().endpoint).send(new DeleteTableCommand({ TableName: tableName }));
});

describe('the stream poller', () => {
  let failedAt: string | undefined;

  it('delivers a backlog of 1,000 outbox inserts in stream order, in batches of at most the batch size, and retries a failed batch from the failed record', async () => {
    // Prepare: the function fails once, at the 500th record; `seen` counts the records it handled.
    await insert(1, 1000);
    let seen = 0;
    const { fn, batches } = recordingFunction((batch) => {
      if (failedAt === undefined && seen + batch.length >= 500) {
        const at = 500 - seen - 1;
        failedAt = batch[at]!.sequence;
        seen += at;
        return { batchItemFailures: [{ itemIdentifier: failedAt }] };
      }
      seen += batch.length;
      return { batchItemFailures: [] };
    });

    // Act
    pollers = await start(fn);
    await eventually(async () => (seen === 1000 ? true : undefined), 60_000, 'every record handled');

    // Assess
    const failing = batches.findIndex((b) => b.some((r) => r.sequence === failedAt));
    expect(batches[failing + 1]![0]!.sequence).toBe(failedAt);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(batchSize);
    expect(batches.flat().every((r) => r.kind === 'outbox' && r.eventName === 'INSERT')).toBe(true);
    // What the function handled: each batch up to the failed record, then the batches after it.
    const handled = batches.flatMap((b, i) => (i === failing ? b.slice(0, b.findIndex((r) => r.sequence === failedAt)) : b));
    const sequences = handled.map((r) => BigInt(r.sequence));
    expect(sequences.every((s, i) => i === 0 || s > sequences[i - 1]!)).toBe(true);
    expect(handled.map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('goes on after the last record handled when it is started again', async () => {
    // Prepare
    await Promise.all(pollers.map((p) => p.stop()));
    const checkpoints = JSON.parse(readFileSync(path.join(dataDir, 'stream-checkpoints.json'), 'utf8')) as Record<string, string>;
    const { fn, batches } = recordingFunction(() => ({ batchItemFailures: [] }));

    // Act
    pollers = await start(fn);
    await insert(1001, 1010);
    await eventually(async () => (batches.flat().length >= 10 ? true : undefined), 60_000, 'the new records');

    // Assess
    expect(Object.keys(checkpoints).some((key) => key.startsWith(`${tableName}/`))).toBe(true);
    expect(batches.flat().map((r) => r.n)).toEqual(Array.from({ length: 10 }, (_, i) => 1001 + i));
  });
});
