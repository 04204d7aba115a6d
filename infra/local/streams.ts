/**
 * DynamoDB Streams pollers, as Lambda's DynamoDB event source mapping reads a stream
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html): for each `stream` trigger, read the
 * table's stream shard by shard, in order, keep only what the trigger's filter lets through
 * (INSERTs whose new image has the given `kind`), and hand batches of up to the trigger's batch
 * size to the function in the DynamoDB Streams event shape, one batch of a shard at a time. A
 * function that reports a batch item failure (or throws) gets the batch again from that record.
 *
 * What keeps it fast without changing what the function sees: the next page of a shard is read
 * while the function handles the current one (and thrown away if the batch must be retried); the
 * poller waits between reads only when a read returned nothing; checkpoints are kept in the data
 * folder, written in the background and coalesced, so a restart goes on where it stopped. A
 * checkpoint is only ever the last record handled, so a crash can at worst deliver a few batches
 * again (at least once, as Lambda), never skip one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetRecordsCommandOutput,
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

/**
 * The most records one GetRecords call returns; a larger batch size is met by one read, as Lambda
 * does with no batching window.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 */
export const maxRecordsPerRead = 1000;

/**
 * The last handled sequence number of each shard, kept in one JSON file. {@link set} returns at
 * once; the file is written behind it, one write at a time, each with the newest values (written
 * to a temporary file and renamed, so that a crash never leaves half a file).
 */
export class Checkpoints {
  private readonly values: Record<string, string>;
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.values = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }

  get(key: string): string | undefined {
    return this.values[key];
  }

  set(key: string, sequence: string): void {
    this.values[key] = sequence;
    this.dirty = true;
    this.writing ??= this.write();
  }

  /** Resolves once every value set so far is in the file. */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async write(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const temporary = `${this.file}.tmp`;
        await writeFile(temporary, JSON.stringify(this.values));
        await rename(temporary, this.file);
      }
    } catch (error) {
      // The next set writes again; until then a restart replays from the last checkpoint written.
      this.log(`stream checkpoints not written (${(error as Error).message})`);
    } finally {
      this.writing = undefined;
    }
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
  const checkpoints = new Checkpoints(path.join(options.dataDir, 'stream-checkpoints.json'), options.log);
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

      // With no batching window, Lambda invokes with what one read of the shard returns, up to the batch size.
      const limit = Math.min(trigger.batchSize, maxRecordsPerRead);
      const read = (iterator: string): Promise<GetRecordsCommandOutput> => {
        const page = client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
        // A read ahead may be thrown away unread; its failure is seen only if it is awaited.
        page.catch(() => undefined);
        return page;
      };

      const pollShard = async (shardId: string): Promise<'closed' | 'stopped'> => {
        const key = `${tableName}/${shardId}`;
        const first = await iteratorFor(shardId, checkpoints.get(key));
        let pending = first ? read(first) : undefined;
        let failures = 0;
        while (pending && !stopping) {
          const page = await pending;
          const records = page.Records ?? [];
          const next = page.NextShardIterator;
          if (records.length === 0) {
            // Nothing new: wait before asking again (Lambda polls a shard a few times a second).
            if (next) await sleep(interval);
            pending = next ? read(next) : undefined;
            continue;
          }
          // Read the next page while the function handles this one.
          pending = next ? read(next) : undefined;
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
              // Start again at the failed record, after a backoff; the page read ahead is not used.
              failures++;
              await sleep(Math.min(5_000, 100 * 2 ** failures));
              const done = records.filter((r) => BigInt(r.dynamodb!.SequenceNumber!) < BigInt(failedAt!)).pop();
              if (done) checkpoints.set(key, done.dynamodb!.SequenceNumber!);
              const again = await iteratorFor(shardId, undefined, failedAt);
              pending = again ? read(again) : undefined;
              continue;
            }
            failures = 0;
          }
          const last = records[records.length - 1];
          if (last?.dynamodb?.SequenceNumber) checkpoints.set(key, last.dynamodb.SequenceNumber);
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
          await checkpoints.flush();
        },
      });
    }
  }
  return pollers;
};
