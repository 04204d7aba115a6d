/**
 * Starts the real parts once for the integration project: a Kafka broker and DynamoDB Local on
 * free ports, with their data in a temporary folder. Tests read where they are from the state file
 * named by `IT_STATE`; the broker test restarts the broker and records its new process id there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../ports.js';
import { startParts, type Parts } from '../parts.js';
import type { ItState } from './support/state.js';

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cg-integration-'));
  const [kafkaPort, controllerPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
  const parts: Parts = await startParts({
    dataDir,
    kafkaPort,
    controllerPort,
    dynamoPort,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
  });
  const state: ItState = {
    dataDir,
    brokers: parts.brokers,
    endpoint: parts.endpoint,
    kafka: parts.kafka ? { dataDir: path.join(dataDir, 'kafka'), port: kafkaPort, controllerPort, pid: parts.kafka.process.pid! } : undefined,
    dynamoPid: parts.dynamo?.process.pid,
  };
  const file = path.join(dataDir, 'state.json');
  writeFileSync(file, JSON.stringify(state));
  process.env.IT_STATE = file;
  (globalThis as { __itParts?: Parts }).__itParts = parts;
}
