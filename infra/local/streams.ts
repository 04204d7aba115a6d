/**
 * DynamoDB Streams pollers: for each `stream` trigger, read the table's stream shard by shard, keep
 * only what the trigger's filter lets through (INSERTs whose new image has the given `kind`), and
 * hand batches to the function in the DynamoDB Streams event shape. A function that reports a
 * batch item failure (or throws) gets the batch again from that record; checkpoints are kept in the
 * data folder, so a restart goes on where it stopped.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { qualifiedName, triggersOf, type ServiceManifest } from '#shared/manifest.js';
import { toStreamEvent } from './events.js';
import type { LocalFunction } from './functions.js';
import { streamArnOf } from './dynamodb.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StreamPoller {
  readonly functionName: string;
  running(): boolean;
  stop(): Promise<void>;
}

/** Whether a stream record passes a trigger's filter. */
export const passesFilter = (record: StreamRecord, kind: string): boolean =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.kind?.S === kind;

class Checkpoints {
  private readonly values: Record<string, string>;
  constructor(private readonly file: string) {
    this.values = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }
  get(key: string): string | undefined {
    return this.values[key];
  }
  set(key: string, sequence: string): void {
    this.values[key] = sequence;
    writeFileSync(this.file, JSON.stringify(this.values));
  }
}

/** Starts one poller per `stream` trigger. */
export const startStreamPollers = async (options: {
  endpoint: string;
  dataDir: string;
  services: readonly ServiceManifest[];
  functions: ReadonlyMap<string, LocalFunction>;
  log: (line: string) => void;
  pollIntervalMs?: number;
}): Promise<StreamPoller[]> => {
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const checkpoints = new Checkpoints(path.join(options.dataDir, 'stream-checkpoints.json'));
  const interval = options.pollIntervalMs ?? 50;

  const pollers: StreamPoller[] = [];
  for (const service of options.services) {
    for (const { functionName, trigger } of triggersOf(service, 'stream')) {
      const name = qualifiedName(service.name, functionName);
      const fn = options.functions.get(name)!;
      const tableName = service.tables[trigger.table]!.name;
      const streamArn = await streamArnOf(options.endpoint, tableName);
      let stopping = false;
      let alive = true;

      const iteratorFor = async (shardId: string, after: string | undefined, at?: string) =>
        (
          await client.send(
            new GetShardIteratorCommand({
              StreamArn: streamArn,
              ShardId: shardId,
              ShardIteratorType: at ? 'AT_SEQUENCE_NUMBER' : after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
              ...(at ? { SequenceNumber: at } : after ? { SequenceNumber: after } : {}),
            }),
          )
        ).ShardIterator;

      const deliver = async (records: StreamRecord[]): Promise<string | undefined> => {
        const result = (await fn.invoke(toStreamEvent(records, streamArn))) as DynamoDBBatchResponse | undefined;
        return result?.batchItemFailures?.[0]?.itemIdentifier;
      };

      const pollShard = async (shardId: string): Promise<'closed' | 'stopped'> => {
        const key = `${tableName}/${shardId}`;
        let iterator = await iteratorFor(shardId, checkpoints.get(key));
        let failures = 0;
        while (iterator && !stopping) {
          const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: trigger.batchSize }));
          const records = page.Records ?? [];
          const wanted = records.filter((r) => passesFilter(r, trigger.kindFilter));
          if (wanted.length > 0) {
            let failedAt: string | undefined;
            try {
              failedAt = await deliver(wanted);
            } catch (error) {
              options.log(`${name}: batch failed (${(error as Error).message})`);
              failedAt = wanted[0]!.dynamodb?.SequenceNumber;
            }
            if (failedAt) {
              // Start again at the failed record, after a backoff.
              failures++;
              await sleep(Math.min(5_000, 100 * 2 ** failures));
              const done = records.filter((r) => BigInt(r.dynamodb!.SequenceNumber!) < BigInt(failedAt!)).pop();
              if (done) checkpoints.set(key, done.dynamodb!.SequenceNumber!);
              iterator = await iteratorFor(shardId, undefined, failedAt);
              continue;
            }
            failures = 0;
          }
          const last = records[records.length - 1];
          if (last?.dynamodb?.SequenceNumber) checkpoints.set(key, last.dynamodb.SequenceNumber);
          iterator = page.NextShardIterator;
          if (records.length === 0) await sleep(interval);
        }
        return stopping ? 'stopped' : 'closed';
      };

      const loop = async () => {
        const finished = new Set<string>();
        while (!stopping) {
          try {
            const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
            const shards = (StreamDescription?.Shards ?? []).filter((s) => !finished.has(s.ShardId!));
            // Parents before children, so the order of a key's changes is kept.
            const ready = shards.filter((s) => !s.ParentShardId || finished.has(s.ParentShardId) || !shards.some((p) => p.ShardId === s.ParentShardId));
            if (ready.length === 0) {
              await sleep(500);
              continue;
            }
            for (const shard of ready) {
              if ((await pollShard(shard.ShardId!)) === 'closed') finished.add(shard.ShardId!);
              if (stopping) break;
            }
          } catch (error) {
            // DynamoDB Local answers a fresh TRIM_HORIZON iterator this way until the shard has records.
            if ((error as Error).name === 'TrimmedDataAccessException') {
              await sleep(interval);
              continue;
            }
            options.log(`${name}: stream polling failed (${(error as Error).message}); retrying`);
            await sleep(1_000);
          }
        }
        alive = false;
      };
      const running = loop();
      pollers.push({
        functionName: name,
        running: () => alive,
        stop: async () => {
          stopping = true;
          await running;
        },
      });
    }
  }
  return pollers;
};
