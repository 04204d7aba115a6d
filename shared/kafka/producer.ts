import { CompressionTypes, type Producer } from 'kafkajs';
import { createKafka } from './client.js';

/**
 * One record to publish: a key (the unit id), a JSON value and headers. A dead letter keeps what it
 * was: a record without a key has a null key, and a tombstone a null value.
 */
export interface OutgoingRecord {
  readonly key: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The port every publisher uses: the outbox relay and the consumers' dead-letter path. Tests and
 * benchmarks can put another implementation behind it.
 */
export interface ProducerPort {
  send(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

const open = new Set<ProducerPort>();

/** The kafkajs implementation: one connected producer per process, all replicas acknowledging. */
export const kafkaProducer = (clientId: string): ProducerPort => {
  let producer: Producer | undefined;
  let connecting: Promise<Producer> | undefined;
  const connected = (): Promise<Producer> => {
    if (producer) return Promise.resolve(producer);
    connecting ??= (async () => {
      const p = createKafka(clientId).producer({ allowAutoTopicCreation: false });
      p.on(p.events.DISCONNECT, () => {
        producer = undefined;
        connecting = undefined;
      });
      try {
        await p.connect();
      } catch (error) {
        connecting = undefined;
        throw error;
      }
      producer = p;
      return p;
    })();
    return connecting;
  };
  const port: ProducerPort = {
    async send(topic, records) {
      if (records.length === 0) return;
      const p = await connected();
      await p.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: records.map((r) => ({ key: r.key, value: r.value, headers: { ...r.headers } })),
      });
    },
    async disconnect() {
      const p = producer;
      producer = undefined;
      connecting = undefined;
      await p?.disconnect();
    },
  };
  open.add(port);
  return port;
};

/** Disconnects every producer this process created; for the local runtime and tests shutting down. */
export const disconnectAllProducers = async (): Promise<void> => {
  await Promise.all([...open].map((p) => p.disconnect().catch(() => undefined)));
};
