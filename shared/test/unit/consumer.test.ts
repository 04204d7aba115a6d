/**
 * The idempotent consumer on MSK events as Lambda delivers them (shared/test/events/aws/), with a
 * fake producer port and a fake of the TransactWriteItems port that keeps items in memory and
 * refuses a failed condition as DynamoDB does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MSKEvent } from 'aws-lambda';
import { jest } from '@jest/globals';
import { Logger } from '@aws-lambda-powertools/logger';
import { SigningEvent } from '#events/index.js';
import { loadFixture } from '#events/fixtures/index.js';
import { kafkaConsumer, type TransactItem, type TransactWriter } from '../../kafka/consumer.js';
import { countMetricsPerTest, FakeProducer } from '../support/fakes.js';
import { metricTally, resetMetricTally, tallyKey } from '../../metrics.js';

const awsEvent = (name: string): MSKEvent =>
  JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../events/aws', name), 'utf8')) as MSKEvent;

const consumerName = 'dashboard-onSigningEvents';
const tally = (name: string, extra: Record<string, string> = { consumer: consumerName }) =>
  metricTally()[tallyKey(name, { service: 'dashboard', ...extra })] ?? 0;

/**
 * A TransactWriteItems fake: all or nothing, conditions `attribute_not_exists(pk)` hold as in
 * DynamoDB, and a request of more than 100 actions or of two actions on one item is refused as
 * DynamoDB refuses it.
 */
class FakeTable implements TransactWriter {
  readonly items = new Map<string, Record<string, unknown>>();
  /** The unit names written by effects, in the order they were written. */
  readonly written: string[] = [];
  /** The number of actions of each transaction that was committed, in order. */
  readonly committed: number[] = [];
  /** The error a request fails with, if any: by default none. */
  failWhen: (items: readonly TransactItem[]) => Error | undefined = () => undefined;

  async transactWrite(items: readonly TransactItem[]): Promise<void> {
    const failure = this.failWhen(items);
    if (failure) throw failure;
    const key = (item: Record<string, unknown> = {}) => `${String(item.pk)}|${String(item.sk)}`;
    const refused = (message: string) => Object.assign(new Error(message), { name: 'ValidationException' });
    if (items.length > 100) throw refused('Member must have length less than or equal to 100');
    const touched = items.map((i) => `${i.Put?.TableName ?? i.Update?.TableName}/${key(i.Put?.Item ?? i.Update?.Key)}`);
    if (new Set(touched).size < touched.length) throw refused('Transaction request cannot include multiple operations on one item');
    const reasons = items.map((i) => ({ Code: i.Put?.ConditionExpression && this.items.has(key(i.Put.Item)) ? 'ConditionalCheckFailed' : 'None' }));
    if (reasons.some((r) => r.Code !== 'None')) {
      throw Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: reasons });
    }
    for (const i of items) {
      const item = i.Put?.Item;
      if (!item) continue;
      this.items.set(key(item), item);
      if (item.kind === 'unit') this.written.push(String(item.name));
    }
    this.committed.push(items.length);
  }
}

/** DynamoDB's answer to a passing overload. */
const throttled = () => Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });


/** A consumer on fakes; its logger is silent unless a test reads the lines. */
const setup = (logLevel: 'WARN' | 'SILENT' = 'SILENT', maxActionsPerTransaction?: number) => {
  const table = new FakeTable();
  const producer = new FakeProducer();
  const logger = new Logger({ serviceName: 'dashboard', logLevel });
  const handler = kafkaConsumer({
    consumerName,
    tableName: () => 'dashboard',
    schema: SigningEvent,
    producer,
    logger,
    writer: table,
    ...(maxActionsPerTransaction === undefined ? {} : { maxActionsPerTransaction }),
    now: () => new Date('2026-11-22T09:30:00Z'),
    effects: {
      'signing.UnitRegistered.v1': (event) => [
        { Put: { TableName: 'dashboard', Item: { pk: `UNIT#${event.data.unitId}`, sk: 'UNIT', kind: 'unit', name: event.data.name } } },
      ],
    },
  });
  return { table, producer, logger, handler };
};

/** The event of the keys sample with one record per value, at offsets 100, 101, ... */
const eventOf = (values: readonly unknown[]): MSKEvent => {
  const event = awsEvent('msk-keys-absent-and-null.json');
  const template = event.records['mytopic-0']![0]!;
  event.records['mytopic-0'] = values.map((value, i) => ({
    ...template,
    offset: 100 + i,
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64'),
  }));
  return event;
};

/** The fixture's event as unit `n` registered (ids end in `n`, zero-padded to three digits), or as another unit's if `unit` is given. */
const unitEvent = (n: number, unit = n) => {
  const event = loadFixture('signing.UnitRegistered.v1');
  const unitId = `0196a0f2-3b7c-7d1e-9f00-000000000${String(unit).padStart(3, '0')}`;
  return { ...event, id: `0196a0f2-3b7c-7d1e-9f00-100000000${String(n).padStart(3, '0')}`, unitid: unitId, correlationid: `corr-${n}`, data: { ...event.data, unitId, name: `单位${n}` } };
};

/** `count` records of units 1, 2, ... */
const units = (count: number) => Array.from({ length: count }, (_, i) => unitEvent(i + 1));

/** Everything written to stdout and stderr while `act` runs (the Powertools logger writes there). */
const captureOutput = async (act: () => Promise<unknown>): Promise<string[]> => {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await act().catch(() => undefined);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
};

countMetricsPerTest();

describe('the consumer on MSK sample events', () => {
  it('applies records with a key, with no key field and with a null key alike', async () => {
    // Prepare
    const { table, producer, handler } = setup();

    // Act
    const result = await handler(awsEvent('msk-keys-absent-and-null.json'));

    // Assess
    expect(result.outcomes).toEqual({ applied: 3, duplicate: 0, skipped: 0, 'dead-lettered': 0 });
    expect(table.written).toEqual(['东湖县城关镇', '东湖县湖滨镇', '东湖县青山乡']);
    expect(producer.sent).toEqual([]);
  });

  it('dead-letters a tombstone without a value field and one with a null value, and applies the next record of the partition', async () => {
    // Prepare
    const { table, producer, handler } = setup();

    // Act
    const result = await handler(awsEvent('msk-tombstones.json'));

    // Assess
    expect(result.outcomes).toEqual({ applied: 1, duplicate: 0, skipped: 0, 'dead-lettered': 2 });
    expect(table.written).toEqual(['西山县石门镇']);
    expect(producer.sent.map(({ topic, record }) => ({ topic, key: record.key, value: record.value, source: record.headers?.['dlq-source'] }))).toEqual([
      { topic: 'mytopic.dlq', key: 'recordKey', value: null, source: 'mytopic/0/15' },
      { topic: 'mytopic.dlq', key: null, value: null, source: 'mytopic/0/16' },
    ]);
    expect(producer.sent.map(({ record }) => record.headers?.['dlq-reason'])).toEqual([
      'tombstone: the record has no value',
      'tombstone: the record has no value',
    ]);
    expect(tally('ConsumerDeadLettered')).toBe(2);
    expect(tally('ConsumerApplied')).toBe(1);
  });

  it('handles every partition of an event, each in offset order, with poison records in the middle dead-lettered', async () => {
    // Prepare
    const { table, producer, handler } = setup();

    // Act
    const result = await handler(awsEvent('msk-several-partitions.json'));

    // Assess
    expect(result.outcomes).toEqual({ applied: 4, duplicate: 0, skipped: 0, 'dead-lettered': 2 });
    expect(table.written.filter((name) => name.startsWith('南岭区'))).toEqual(['南岭区新港街道', '南岭区沙湾街道']);
    expect(table.written.filter((name) => name.startsWith('市'))).toEqual(['市纪委监委', '市委组织部']);
    expect(producer.sent.map(({ topic, record }) => [topic, record.headers?.['dlq-source'], record.headers?.['dlq-reason']?.split(':')[0]])).toEqual(
      expect.arrayContaining([
        ['AWSKafkaTopic.dlq', 'AWSKafkaTopic/0/0', 'value is not JSON'],
        ['AWSKafkaTopic.dlq', 'AWSKafkaTopic/1/1', 'not a CloudEvent'],
      ]),
    );
    expect(producer.sent).toHaveLength(2);
  });

  it('applies the records of a partition in offset order whatever order they arrive in', async () => {
    // Prepare
    const { table, handler } = setup();
    const event = eventOf([1, 2, 3, 4, 5].map((n) => unitEvent(n)));
    event.records['mytopic-0']!.reverse();

    // Act
    await handler(event);

    // Assess
    expect(table.written).toEqual(['单位1', '单位2', '单位3', '单位4', '单位5']);
  });

  it('changes nothing when the same records are delivered again', async () => {
    // Prepare
    const { table, handler } = setup();
    const event = eventOf([1, 2].map((n) => unitEvent(n)));
    await handler(event);

    // Act
    const again = await handler(structuredClone(event));

    // Assess
    expect(again.outcomes).toEqual({ applied: 0, duplicate: 2, skipped: 0, 'dead-lettered': 0 });
    expect(table.written).toEqual(['单位1', '单位2']);
    expect(tally('ConsumerDuplicate')).toBe(2);
  });

  it('throws at a transient failure in the middle of a group, with none of the group applied, and the redelivered batch resumes at the group with the records before it counted duplicate', async () => {
    // Prepare: two records per transaction, so groups [1, 2], [3, 4], [5]; record 4 fails.
    const { table, handler } = setup('SILENT', 4);
    const event = eventOf([1, 2, 3, 4, 5].map((n) => unitEvent(n)));
    table.failWhen = (items) => (items.some((i) => i.Put?.Item?.name === '单位4') ? throttled() : undefined);

    // Act
    const first = handler(event);
    await expect(first).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    const writtenBeforeRetry = [...table.written];
    table.failWhen = () => undefined;
    const retry = await handler(structuredClone(event));

    // Assess
    expect(writtenBeforeRetry).toEqual(['单位1', '单位2']);
    expect(retry.outcomes).toEqual({ applied: 3, duplicate: 2, skipped: 0, 'dead-lettered': 0 });
    expect(table.written).toEqual(['单位1', '单位2', '单位3', '单位4', '单位5']);
    expect(tally('ConsumerFailures')).toBe(1);
    expect(tally('ConsumerApplied')).toBe(5);
    expect(tally('ConsumerDuplicate')).toBe(2);
  });

  it('writes consecutive records of a partition in one transaction of their inbox items and effects', async () => {
    // Prepare
    const { table, handler } = setup();

    // Act
    const result = await handler(eventOf(units(5)));

    // Assess
    expect(result.outcomes).toEqual({ applied: 5, duplicate: 0, skipped: 0, 'dead-lettered': 0 });
    expect(table.committed).toEqual([10]);
    expect(table.written).toEqual(['单位1', '单位2', '单位3', '单位4', '单位5']);
  });

  it('never puts more than 100 actions in one transaction', async () => {
    // Prepare: 120 records of two actions each.
    const { table, handler } = setup();

    // Act
    const result = await handler(eventOf(units(120)));

    // Assess
    expect(result.outcomes).toEqual({ applied: 120, duplicate: 0, skipped: 0, 'dead-lettered': 0 });
    expect(table.committed).toEqual([100, 100, 40]);
    expect(table.written).toEqual(units(120).map((e) => e.data.name));
  });

  it('counts an event already applied inside a batch as a duplicate, changing nothing, and applies the others in order in one transaction', async () => {
    // Prepare
    const { table, handler } = setup();
    await handler(eventOf([unitEvent(3)]));
    table.items.set('UNIT#0196a0f2-3b7c-7d1e-9f00-000000000003|UNIT', { pk: 'UNIT#0196a0f2-3b7c-7d1e-9f00-000000000003', sk: 'UNIT', kind: 'unit', name: '单位3（已改）' });

    // Act
    const result = await handler(eventOf(units(5)));

    // Assess
    expect(result.outcomes).toEqual({ applied: 4, duplicate: 1, skipped: 0, 'dead-lettered': 0 });
    expect(table.written).toEqual(['单位3', '单位1', '单位2', '单位4', '单位5']);
    expect(table.items.get('UNIT#0196a0f2-3b7c-7d1e-9f00-000000000003|UNIT')?.name).toBe('单位3（已改）');
    expect(tally('ConsumerDuplicate')).toBe(1);
    // The cancelled transaction named the duplicate's inbox item: the other four went in together.
    expect(table.committed).toEqual([2, 8]);
  });

  it('counts the same event twice in one batch once applied and once duplicate', async () => {
    // Prepare
    const { table, handler } = setup();

    // Act
    const result = await handler(eventOf([unitEvent(1), unitEvent(2), unitEvent(1), unitEvent(3)]));

    // Assess
    expect(result.outcomes).toEqual({ applied: 3, duplicate: 1, skipped: 0, 'dead-lettered': 0 });
    expect(table.written).toEqual(['单位1', '单位2', '单位3']);
  });

  it('writes two events on the same item in separate transactions, in offset order', async () => {
    // Prepare: events 1 and 2 both register unit 7, so both put the same item.
    const { table, handler } = setup();

    // Act
    const result = await handler(eventOf([unitEvent(1, 7), unitEvent(2, 7), unitEvent(3)]));

    // Assess
    expect(result.outcomes).toEqual({ applied: 3, duplicate: 0, skipped: 0, 'dead-lettered': 0 });
    expect(table.committed).toEqual([2, 4]);
    expect(table.items.get('UNIT#0196a0f2-3b7c-7d1e-9f00-000000000007|UNIT')?.name).toBe('单位2');
  });

  it('writes what precedes a dead letter before sending it, and what follows it after', async () => {
    // Prepare
    const { table, producer, handler } = setup();
    const seenAtSend: string[][] = [];
    const send = producer.send.bind(producer);
    producer.send = async (topic, records) => {
      seenAtSend.push([...table.written]);
      return send(topic, records);
    };

    // Act
    const result = await handler(eventOf([unitEvent(1), unitEvent(2), 'not json', unitEvent(3)]));

    // Assess
    expect(result.outcomes).toEqual({ applied: 3, duplicate: 0, skipped: 0, 'dead-lettered': 1 });
    expect(seenAtSend).toEqual([['单位1', '单位2']]);
    expect(table.committed).toEqual([4, 2]);
  });

  it('dead-letters data that fails its schema with the type and the field in the reason, and logs it with the correlation id', async () => {
    // Prepare
    const { table, producer, logger, handler } = setup('WARN');
    const bad = unitEvent(1);
    const { name: _name, ...dataWithoutName } = bad.data;
    const event = eventOf([{ ...bad, data: dataWithoutName }, unitEvent(2)]);

    // Act
    const lines = await captureOutput(async () => {
      await handler(event);
      logger.warn('after the batch');
    });

    // Assess
    expect(table.written).toEqual(['单位2']);
    expect(producer.sent).toHaveLength(1);
    expect(producer.sent[0]!.record.headers).toEqual({
      'dlq-reason': expect.stringMatching(/^signing\.UnitRegistered\.v1: .*name/s),
      'dlq-consumer': consumerName,
      'dlq-source': 'mytopic/0/100',
    });
    expect(JSON.parse(String(producer.sent[0]!.record.value))).toEqual({ ...bad, data: dataWithoutName });
    const dlqLine = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'Record sent to the dead-letter topic');
    expect(dlqLine).toMatchObject({ correlationid: 'corr-1', source: 'mytopic/0/100' });
    const after = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'after the batch');
    expect(after).toBeDefined();
    expect(after).not.toHaveProperty('correlationid');
  });

  it('logs a transient failure with the correlation id of the first record not applied, from which the batch is retried', async () => {
    // Prepare: records 1 and 2 share a transaction, which fails.
    const { table, handler } = setup('WARN');
    table.failWhen = (items) => (items.some((i) => i.Put?.Item?.name === '单位2') ? throttled() : undefined);

    // Act
    const lines = await captureOutput(() => handler(eventOf([1, 2].map((n) => unitEvent(n)))));

    // Assess
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'Record not applied; the batch will be retried from it');
    expect(failure).toMatchObject({ correlationid: 'corr-1', source: 'mytopic/0/100', records: 2 });
  });

  it('logs a transient failure of a record written alone with its own correlation id', async () => {
    // Prepare: every record in a transaction of its own.
    const { table, handler } = setup('WARN', 1);
    table.failWhen = (items) => (items.some((i) => i.Put?.Item?.name === '单位2') ? throttled() : undefined);

    // Act
    const lines = await captureOutput(() => handler(eventOf([1, 2].map((n) => unitEvent(n)))));

    // Assess
    const failure = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'Record not applied; the batch will be retried from it');
    expect(failure).toMatchObject({ correlationid: 'corr-2', source: 'mytopic/0/101', records: 1 });
    expect(table.written).toEqual(['单位1']);
  });

  it('dead-letters a record whose effects DynamoDB refuses as invalid, and applies the next one', async () => {
    // Prepare
    const { table, producer, handler } = setup();
    table.failWhen = (items) =>
      items.some((i) => i.Put?.Item?.name === '单位1')
        ? Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' })
        : undefined;

    // Act
    const result = await handler(eventOf([1, 2].map((n) => unitEvent(n))));

    // Assess
    expect(result.outcomes).toEqual({ applied: 1, duplicate: 0, skipped: 0, 'dead-lettered': 1 });
    expect(table.written).toEqual(['单位2']);
    expect(producer.sent[0]!.record.headers?.['dlq-reason']).toBe(
      'signing.UnitRegistered.v1: DynamoDB refused the effects: Item size has exceeded the maximum allowed size',
    );
  });

  it('skips an event type it does not handle', async () => {
    // Prepare
    const { table, producer, handler } = setup();

    // Act
    const result = await handler(eventOf([loadFixture('reports.AnnualReportSubmitted.v1'), unitEvent(1)]));

    // Assess
    expect(result.outcomes).toEqual({ applied: 1, duplicate: 0, skipped: 1, 'dead-lettered': 0 });
    expect(table.written).toEqual(['单位1']);
    expect(producer.sent).toEqual([]);
    expect(tally('ConsumerSkipped')).toBe(1);
  });

  it('fails the batch, and applies nothing after it, when the dead-letter topic cannot be reached', async () => {
    // Prepare
    const { table, producer, handler } = setup();
    producer.failing = true;

    // Act
    const result = handler(eventOf(['not json', unitEvent(1)]));

    // Assess
    await expect(result).rejects.toThrow('The broker is not reachable');
    expect(table.written).toEqual([]);
  });

  it('publishes its counts as CloudWatch EMF with the consumer and service dimensions when metrics are on', async () => {
    // Prepare
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    resetMetricTally();
    const { handler } = setup();

    // Act
    const lines = await captureOutput(() => handler(awsEvent('msk-tombstones.json')));

    // Assess
    const emf = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => '_aws' in l);
    expect(emf).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'CleanGovernance', Dimensions: [['service', 'consumer']] }] },
      service: 'dashboard',
      consumer: consumerName,
      ConsumerApplied: 1,
      ConsumerDeadLettered: 2,
    });
  });
});
