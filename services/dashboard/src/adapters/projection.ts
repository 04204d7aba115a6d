import { queryPartition, tableName } from '#shared/dynamo/client.js';
import type { UnitMovedV1, UnitRegisteredV1, UnitRenamedV1 } from '#events/index.js';
import type { AnnualReportDraftSavedV1, AnnualReportSubmittedV1 } from '#events/index.js';

/**
 * The dashboard's read model: units in one partition (`UNITS`), report status in one partition per
 * year (`ANNUAL_REPORTS#<year>`), so that the overview of a year is two Queries.
 */
export const table = () => tableName('dashboard');
const statusKey = (year: number, unitId: string) => ({ pk: `ANNUAL_REPORTS#${year}`, sk: `UNIT#${unitId}` });

export const unitRegistered = (event: UnitRegisteredV1) => [
  {
    Put: {
      TableName: table(),
      Item: { pk: 'UNITS', sk: `UNIT#${event.data.unitId}`, kind: 'unit', unitId: event.data.unitId, name: event.data.name, ancestorIds: event.data.ancestorIds },
    },
  },
];

export const unitRenamed = (event: UnitRenamedV1) => [
  {
    Update: {
      TableName: table(),
      Key: { pk: 'UNITS', sk: `UNIT#${event.data.unitId}` },
      UpdateExpression: 'SET #name = :name',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': event.data.name },
    },
  },
];

/** The unit and everything below it take their new ancestors: the dashboard's levels follow. */
export const unitMoved = (event: UnitMovedV1) =>
  [{ unitId: event.data.unitId, ancestorIds: event.data.ancestorIds }, ...event.data.descendants].map((unit) => ({
    Update: {
      TableName: table(),
      Key: { pk: 'UNITS', sk: `UNIT#${unit.unitId}` },
      UpdateExpression: 'SET ancestorIds = :ancestors',
      ExpressionAttributeValues: { ':ancestors': unit.ancestorIds },
    },
  }));

/** A draft marks the unit `draft` unless it has already submitted. */
export const draftSaved = (event: AnnualReportDraftSavedV1) => [
  {
    Update: {
      TableName: table(),
      Key: statusKey(event.data.year, event.data.unitId),
      UpdateExpression: 'SET #status = if_not_exists(#status, :draft), unitId = :unitId, kind = :kind',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':draft': 'draft', ':unitId': event.data.unitId, ':kind': 'reportStatus' },
    },
  },
];

/** `submittedEvents` counts applied submissions: it stays 1 however often the event is delivered. */
export const submitted = (event: AnnualReportSubmittedV1) => [
  {
    Update: {
      TableName: table(),
      Key: statusKey(event.data.year, event.data.unitId),
      UpdateExpression: 'SET #status = :status, unitId = :unitId, kind = :kind, submittedAt = :at ADD submittedEvents :one',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': event.data.late ? 'late' : 'submitted',
        ':unitId': event.data.unitId,
        ':kind': 'reportStatus',
        ':at': event.data.submittedAt,
        ':one': 1,
      },
    },
  },
];

export interface ProjectedUnit {
  readonly id: string;
  readonly name: string;
  readonly ancestorIds: readonly string[];
}

export const loadUnits = async (): Promise<ProjectedUnit[]> =>
  (await queryPartition(table(), 'UNITS')).map((i) => ({ id: i.unitId as string, name: i.name as string, ancestorIds: (i.ancestorIds as string[]) ?? [] }));

export const loadStatuses = async (year: number): Promise<Map<string, string>> =>
  new Map((await queryPartition(table(), `ANNUAL_REPORTS#${year}`)).map((i) => [i.unitId as string, i.status as string]));
