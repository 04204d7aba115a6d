/**
 * kafkajs against the broker the project runs (Apache Kafka 3.9, KRaft): admin, produce with
 * acks=all, and a consumer group that reads back what was written, in order; and the storage of a
 * new broker formatted whatever its random cluster id looks like.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { formatKafkaStorage } from '../../kafka.js';
import { readState } from '../support/state.js';
import { eventually } from '../support/harness.js';

it('works with kafkajs: topics, produce and consume in order', async () => {
  // Prepare
  const kafka = new Kafka({ clientId: 'compat-test', brokers: readState().brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `compat-${Date.now()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: string[] = [];
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });

  // Act
  await producer.send({ topic, acks: -1, messages: Array.from({ length: 20 }, (_, i) => ({ key: 'same-unit', value: String(i) })) });

  // Assess
  const cluster = await admin.describeCluster();
  expect(cluster.brokers).toHaveLength(1);
  expect((await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions).toHaveLength(3);
  await eventually(async () => (seen.length === 20 ? true : undefined), 30_000, 'all 20 records');
  expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
});

it('formats a broker’s storage for a cluster id that begins with a dash, as one random id in 64 does', async () => {
  // Prepare
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kafka-format-'));

  // Act
  try {
    await formatKafkaStorage({ dataDir, port: 1, controllerPort: 2 }, '-Xq3vZK1TSWyZ8n7mH0aQg');

    // Assess
    expect(readFileSync(path.join(dataDir, 'log', 'meta.properties'), 'utf8')).toContain('cluster.id=-Xq3vZK1TSWyZ8n7mH0aQg');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
