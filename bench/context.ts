/**
 * What every phase of the benchmark is given: the settings, the running parts and runtime, clients
 * of the API, Kafka and DynamoDB, the CPU meter and the pipeline to drain.
 */
import type { Admin, Kafka } from 'kafkajs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Parts } from '#infra/local/parts.js';
import type { Runtime } from '#infra/local/runtime.js';
import type { Progress } from '#infra/local/progress.js';
import type { HttpClient } from '#infra/local/support/httpClient.js';
import type { Settings } from './settings.js';
import type { CpuMeter } from './usage.js';
import type { Pipeline } from './pipeline.js';

/** The benchmark's context; see the module comment. */
export interface Bench {
  readonly settings: Settings;
  readonly progress: Progress;
  /** A fresh temporary folder, removed at the end. */
  readonly dataDir: string;
  readonly parts: Parts;
  readonly runtime: Runtime;
  /** Stops the runtime (once; later calls wait for the same stop). */
  stopRuntime(): Promise<void>;
  /** The gateway, on 127.0.0.1 so that no request tries ::1 first. */
  readonly api: HttpClient;
  readonly kafka: Kafka;
  readonly admin: Admin;
  /** A document client of its own, for the raw baselines (the services use theirs). */
  readonly doc: DynamoDBDocumentClient;
  readonly cpu: CpuMeter;
  readonly pipeline: Pipeline;
  /** Adds a line to the notes of the results. */
  note(text: string): void;
  /** Runs `close` at the end of the run. */
  defer(close: () => Promise<unknown>): void;
  /** A line on standard error. */
  log(line: string): void;
}
