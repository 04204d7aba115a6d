import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, queryPartition } from '#shared/dynamo/client.js';
import { cachedDirectory } from '#shared/http/guard.js';
import type { CloudEvent } from '#events/envelope.js';
import type { Unit } from '../domain/unit.js';
import { table, writeWithEvents, type ItemPut } from './store.js';

/**
 * Units live in one partition (`pk = UNITS`), so the whole tree is one Query; a city's tree has
 * thousands of units, far below what one partition holds.
 */
const key = (id: string) => ({ pk: 'UNITS', sk: `UNIT#${id}` });

const toUnit = (item: Record<string, unknown>): Unit => ({
  id: item.id as string,
  name: item.name as string,
  parentId: (item.parentId as string | null) ?? null,
  category: item.category as string,
  ancestorIds: (item.ancestorIds as string[]) ?? [],
  version: item.version as number,
  active: item.active !== false,
});

export const getUnit = async (id: string): Promise<Unit | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: key(id), ConsistentRead: true }));
  return Item ? toUnit(Item) : undefined;
};

/**
 * The units as the reach guard looks them up, kept a minute: a unit moved meanwhile may be judged
 * at its old place for that long by a warm function.
 */
export const unitDirectory = cachedDirectory(getUnit);

export const listUnits = async (): Promise<Unit[]> => (await queryPartition(table(), 'UNITS')).map(toUnit);

/** The put of a unit: a new one (version 1), or a changed one replacing the version it was read at. */
export const unitPut = (unit: Unit): ItemPut => ({
  item: { ...key(unit.id), kind: 'unit', ...unit },
  expect: unit.version === 1 ? 'absent' : { version: unit.version - 1 },
  what: 'The unit',
});

/** Writes a new unit and its event's outbox item in one transaction. */
export const insertUnit = (unit: Unit, event: CloudEvent, at: Date): Promise<void> => writeWithEvents([unitPut(unit)], [event], at, 'The unit exists');
