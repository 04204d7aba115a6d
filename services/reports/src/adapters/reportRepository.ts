import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailedAt, dynamo, queryPartition, tableName } from '#shared/dynamo/client.js';
import { assertItemFits } from '#shared/dynamo/limits.js';
import { cachedDirectory } from '#shared/http/guard.js';
import { outboxPut } from '#shared/outbox/outbox.js';
import { ConflictError } from '#shared/errors.js';
import type { CloudEvent } from '#events/envelope.js';
import { topics } from '#events/topics.js';
import type { AnnualReport } from '../domain/annualReport.js';

const table = () => tableName('reports');
/** One partition per report year, so that a year's reports are one Query. */
const reportKey = (unitId: string, year: number) => ({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` });
/** One partition for the units this service has heard of. */
export const unitKey = (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` });

/** A unit as the reports service knows it from `signing.events`. */
export interface KnownUnit {
  readonly id: string;
  readonly ancestorIds: readonly string[];
}

export const getKnownUnit = async (unitId: string): Promise<KnownUnit | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: unitKey(unitId) }));
  return Item ? { id: unitId, ancestorIds: (Item.ancestorIds as string[]) ?? [] } : undefined;
};

/** The units as the reach guard looks them up; a unit's place in the tree never changes. */
export const unitDirectory = cachedDirectory(getKnownUnit);

export const getReport = async (unitId: string, year: number): Promise<AnnualReport | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: reportKey(unitId, year), ConsistentRead: true }));
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, kind: _kind, ...report } = Item;
  return report as AnnualReport;
};

/**
 * Saves the report and the outbox items of its events in one transaction, guarded by the version
 * it was read at: a concurrent write makes this a 409 rather than a lost update.
 */
export const saveReport = async (report: AnnualReport, expectedVersion: number, events: readonly CloudEvent[], at: Date): Promise<void> => {
  const item = { ...reportKey(report.unitId, report.year), kind: 'annualReport', ...report };
  const outbox = events.map((event) => outboxPut(table(), topics.reports, event, at));
  assertItemFits(item, 'The annual report');
  for (const o of outbox) assertItemFits(o.Put.Item, 'The annual report’s event');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: item,
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
              ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
            },
          },
          ...outbox,
        ],
      }),
    );
  } catch (error) {
    if (conditionFailedAt(error, 0)) {
      throw new ConflictError('The report was changed by someone else; reload and try again', { cause: error });
    }
    throw error;
  }
};

/** Every unit id this service knows, and the ids of those that submitted the report on `year`. */
export const submissionsOf = async (year: number): Promise<{ unitIds: string[]; submitted: Set<string> }> => {
  const [units, reports] = await Promise.all([queryPartition(table(), 'UNITS'), queryPartition(table(), `ANNUAL_REPORTS#${year}`)]);
  return {
    unitIds: units.map((u) => String(u.sk).slice('UNIT#'.length)),
    submitted: new Set(reports.filter((r) => r.status === 'submitted').map((r) => r.unitId as string)),
  };
};
