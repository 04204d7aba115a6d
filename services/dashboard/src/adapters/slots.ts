/**
 * Steps kept in an item, one attribute per aggregate version (`<prefix>#<version>`): an event
 * writes its own attribute with SET, so a redelivery writes the same value again and an event that
 * arrives after a later one still lands in its place. Readers fold the steps in version order.
 */
import type { Versioned } from '../domain/versioned.js';

/** The attribute that holds the step of one aggregate version. */
export const slotName = (prefix: string, aggregateVersion: number): string => `${prefix}#${aggregateVersion}`;

/** The steps an item holds under `prefix`, with their aggregate versions. */
export const slotsOf = <S>(item: Readonly<Record<string, unknown>>, prefix: string): Array<Versioned<S>> =>
  Object.entries(item).flatMap(([name, value]) => {
    const version = name.startsWith(`${prefix}#`) ? Number(name.slice(prefix.length + 1)) : Number.NaN;
    return Number.isInteger(version) ? [{ aggregateVersion: version, step: value as S }] : [];
  });
