/**
 * The units a service keeps in its own table from `signing.events` (`UNITS` / `UNIT#<unitId>`), so
 * that it judges reach and lists a subtree without calling the signing service: read by key, and
 * listed at or below a unit from their one partition.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, queryPartition } from './client.js';

/** A unit as a service knows it from `signing.events`. */
export interface KnownUnit {
  readonly id: string;
  readonly name: string;
  readonly ancestorIds: readonly string[];
  /** When it was registered, where the service keeps it. */
  readonly registeredAt?: string;
}

/** The key of a unit's item: one partition for every unit the service has heard of. */
export const knownUnitKey = (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` });

/** A unit item as read. */
export const knownUnitOf = (item: Record<string, unknown>): KnownUnit => ({
  id: String(item.sk).slice('UNIT#'.length),
  name: (item.name as string | undefined) ?? '',
  ancestorIds: (item.ancestorIds as string[] | undefined) ?? [],
  ...(typeof item.registeredAt === 'string' ? { registeredAt: item.registeredAt } : {}),
});

/** The units kept in `table`: one by id, and those at or below a unit. */
export const knownUnits = (table: () => string) => ({
  get: async (unitId: string): Promise<KnownUnit | undefined> => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: knownUnitKey(unitId) }));
    return Item ? knownUnitOf(Item) : undefined;
  },
  under: async (unitId: string): Promise<KnownUnit[]> =>
    (await queryPartition(table(), 'UNITS')).map(knownUnitOf).filter((u) => u.id === unitId || u.ancestorIds.includes(unitId)),
});
