/**
 * The batched consumer on DynamoDB Local, with the dashboard's own effects: consecutive records of
 * a partition share TransactWriteItems of at most 100 actions, and DynamoDB Local's own answers (a
 * cancelled transaction that names the inbox items already there) give every record the outcome it
 * would have alone: a duplicate changes nothing, two events on one item are applied in order.
 */
import { randomUUID } from 'node:crypto';
import type { MSKEvent } from 'aws-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { withFreshIds } from '#events/fixtures/index.js';
import { ReportsEvent } from '#events/index.js';
import { topics } from '#events/topics.js';
import { dynamoTransactWriter, kafkaConsumer, type TransactItem, type TransactWriter } from '#shared/kafka/consumer.js';
import { kafkaProducer } from '#shared/kafka/producer.js';
import { draftSaved, submitted, table } from '#services/dashboard/src/adapters/projection.js';
import { toMskEvent } from '../../events.js';
import type { Runtime } from '../../runtime.js';
import { readState } from '../support/state.js';
import { documentClient, startTestRuntime } from '../support/harness.js';

let runtime: Runtime;

beforeAll(async () => {
  // The runtime creates the tables and names them in the environment.
  runtime = await startTestRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const year = 2031;

/** DynamoDB Local behind a writer that keeps the number of actions of each committed transaction. */
const countingWriter = (): TransactWriter & { committed: number[] } => {
  const committed: number[] = [];
  return {
    committed,
    async transactWrite(items: readonly TransactItem[]) {
      await dynamoTransactWriter.transactWrite(items);
      committed.push(items.length);
    },
  };
};

/** A consumer with the dashboard's effects and an inbox of its own. */
const consumerOn = (writer: TransactWriter) =>
  kafkaConsumer({
    consumerName: `dashboard-batchTest${randomUUID().slice(0, 8)}`,
    tableName: table,
    schema: ReportsEvent,
    producer: kafkaProducer('dashboard-batchTest'),
    logger: new Logger({ serviceName: 'dashboard', logLevel: 'SILENT' }),
    now: () => new Date(),
    writer,
    effects: { 'reports.AnnualReportDraftSaved.v1': draftSaved, 'reports.AnnualReportSubmitted.v1': submitted },
  });

/**
 * An MSK event of one partition carrying `events` at offsets 0, 1, ... (typed as the handler takes
 * it: the `aws-lambda` type requires the key that Lambda leaves out of a record without one).
 */
const mskOf = (events: readonly { unitid: string }[]): MSKEvent =>
  toMskEvent(
    events.map((event, offset) => ({
      topic: topics.reports,
      partition: 0,
      offset: String(offset),
      timestamp: String(Date.now()),
      key: Buffer.from(event.unitid),
      value: Buffer.from(JSON.stringify(event)),
    })),
    readState().brokers,
  ) as MSKEvent;

const statusOf = async (unitId: string) =>
  (await documentClient().send(new GetCommand({ TableName: table(), Key: { pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` } }))).Item;

describe('the batched consumer on DynamoDB Local', () => {
  // 120 units save a draft; units 0 and 60 also submit right after their draft (the same item).
  const units = Array.from({ length: 120 }, () => randomUUID());
  const drafts = units.map((unitId) => withFreshIds('reports.AnnualReportDraftSaved.v1', unitId, { year }));
  const submits = new Map(units.filter((_, i) => i % 60 === 0).map((unitId) => [unitId, withFreshIds('reports.AnnualReportSubmitted.v1', unitId, { year, late: false })]));
  // Unit 3's submission was applied before the batch arrives, and comes again inside it.
  const early = withFreshIds('reports.AnnualReportSubmitted.v1', units[3]!, { year, late: false });
  const batch = [
    ...units.flatMap((unitId, i) => [drafts[i]!, ...(submits.has(unitId) ? [submits.get(unitId)!] : [])]),
    early,
    // The same event twice in one batch.
    drafts[5]!,
  ];
  const writer = countingWriter();
  const handler = consumerOn(writer);

  it('applies 124 records in a few transactions of at most 100 actions, and counts the two duplicates without changing anything', async () => {
    // Prepare
    await handler(mskOf([early]));
    writer.committed.length = 0;

    // Act
    const result = await handler(mskOf(batch));

    // Assess
    expect(result.outcomes).toEqual({ applied: 122, duplicate: 2, skipped: 0, 'dead-lettered': 0 });
    expect(writer.committed.length).toBeLessThanOrEqual(6);
    expect(Math.max(...writer.committed)).toBe(100);
    // Each applied record wrote its inbox item and one effect, once.
    expect(writer.committed.reduce((a, b) => a + b, 0)).toBe(122 * 2);
    expect(await statusOf(units[0]!)).toMatchObject({ status: 'submitted', submittedEvents: 1 });
    expect(await statusOf(units[3]!)).toMatchObject({ status: 'submitted', submittedEvents: 1 });
    expect(await statusOf(units[5]!)).toMatchObject({ status: 'draft' });
    const statuses = await Promise.all(units.map(statusOf));
    expect(statuses.filter((s) => s?.status === 'submitted')).toHaveLength(submits.size + 1);
    expect(statuses.filter((s) => s?.status === 'draft')).toHaveLength(units.length - submits.size - 1);
  });

  it('changes nothing when the whole batch is delivered again', async () => {
    // Prepare
    writer.committed.length = 0;

    // Act
    const result = await handler(mskOf(batch));

    // Assess
    expect(result.outcomes).toEqual({ applied: 0, duplicate: 124, skipped: 0, 'dead-lettered': 0 });
    expect(writer.committed).toEqual([]);
    expect(await statusOf(units[0]!)).toMatchObject({ status: 'submitted', submittedEvents: 1 });
  });
});
