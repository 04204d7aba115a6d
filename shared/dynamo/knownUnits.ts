/**
 * The units a service keeps in its own table from `signing.events` (`UNITS` / `UNIT#<unitId>`), so
 * that it judges reach and lists a subtree without calling the signing service: written by
 * {@link knownUnitEffects} the same whatever order the events are applied in, read by key, and
 * listed at or below a unit from their one partition.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { UnitMovedV1, UnitRegisteredV1, UnitRenamedV1 } from '#events/index.js';
import type { TransactItem } from '../kafka/consumer.js';
import { dynamo, queryPartition } from './client.js';

/** A unit as a service knows it from `signing.events`. */
export interface KnownUnit {
  readonly id: string;
  readonly name: string;
  readonly ancestorIds: readonly string[];
  /** When it was registered, where the service keeps it. */
  readonly registeredAt?: string;
  /** Its category (市直部门党组, 乡镇（街道）党委 …), as registered: assessment ranks within it. */
  readonly category?: string;
}

/** The key of a unit's item: one partition for every unit the service has heard of. */
export const knownUnitKey = (unitId: string) => ({ pk: 'UNITS', sk: `UNIT#${unitId}` });

/** Where an event's statement of a unit's ancestors is kept in the unit's item; see {@link knownUnitEffects}. */
const ancestorsPrefix = 'ancestors#';

/**
 * The attribute of the ancestors an event states: `ancestors#<time in UTC>#<event id>`. Names sort
 * as the events' envelope times do (ISO 8601 in UTC has a fixed width), the event id breaking a tie
 * of the same millisecond; a redelivery writes the same attribute again.
 */
export const ancestorsSlot = (event: { readonly time: string; readonly id: string }): string => `${ancestorsPrefix}${new Date(event.time).toISOString()}#${event.id}`;

/**
 * The ancestors of the latest event that stated them: the greatest {@link ancestorsSlot}. An item
 * written before ancestors were kept by event has `ancestorIds`.
 */
export const latestAncestors = (item: Readonly<Record<string, unknown>>): readonly string[] | undefined => {
  const latest = Object.keys(item)
    .filter((name) => name.startsWith(ancestorsPrefix))
    .sort()
    .at(-1);
  return (latest === undefined ? item.ancestorIds : item[latest]) as readonly string[] | undefined;
};

/** A unit item as read. */
export const knownUnitOf = (item: Record<string, unknown>): KnownUnit => ({
  id: String(item.sk).slice('UNIT#'.length),
  name: (item.name as string | undefined) ?? '',
  ancestorIds: latestAncestors(item) ?? [],
  ...(typeof item.registeredAt === 'string' ? { registeredAt: item.registeredAt } : {}),
  ...(typeof item.category === 'string' ? { category: item.category } : {}),
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

/**
 * The effects of the unit events of `signing.events` on the units kept in `table`. A unit's own
 * registration, renames and moves share its key, but the move of a unit above it, which gives it new
 * ancestors too, is keyed by that unit: consumers catching up, partitions side by side, apply them in
 * any order. So each effect is an Update without a condition that comes out the same in any order (a
 * failed condition on an effect fails the record, see `../kafka/consumer.js`):
 *  - the name is the registration's unless a rename has set it (`if_not_exists`);
 *  - each event that states the unit's ancestors writes them in an attribute of its own
 *    ({@link ancestorsSlot}); the unit's ancestors are the latest event's ({@link latestAncestors}).
 * One `ancestorIds` that only a later event may overwrite would need "set if newer", which an update
 * expression cannot say without a condition.
 */
export const knownUnitEffects = (table: () => string) => {
  const update = (unitId: string, assignments: readonly string[], names: Readonly<Record<string, string>>, values: Readonly<Record<string, unknown>>): TransactItem => ({
    Update: {
      TableName: table(),
      Key: knownUnitKey(unitId),
      UpdateExpression: `SET kind = :kind, ${assignments.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':kind': 'unit', ...values },
    },
  });
  return {
    /** A unit joined the tree: its name unless a rename came first, its ancestors as of then, and when (`registeredAt`). */
    registered: (event: UnitRegisteredV1): TransactItem =>
      update(
        event.data.unitId,
        ['#name = if_not_exists(#name, :name)', '#ancestors = :ancestors', 'registeredAt = if_not_exists(registeredAt, :at)', 'category = :category'],
        { '#name': 'name', '#ancestors': ancestorsSlot(event) },
        { ':name': event.data.name, ':ancestors': event.data.ancestorIds, ':at': event.time, ':category': event.data.category },
      ),
    /** A unit's new name; a unit's events share a key, so the last rename applied is the last made. */
    renamed: (event: UnitRenamedV1): TransactItem => update(event.data.unitId, ['#name = :name'], { '#name': 'name' }, { ':name': event.data.name }),
    /** The unit and everything below it take their new ancestors as of the move. */
    moved: (event: UnitMovedV1): TransactItem[] =>
      [{ unitId: event.data.unitId, ancestorIds: event.data.ancestorIds }, ...event.data.descendants].map((unit) =>
        update(unit.unitId, ['#ancestors = :ancestors'], { '#ancestors': ancestorsSlot(event) }, { ':ancestors': unit.ancestorIds }),
      ),
  };
};
