import type { Caller } from '#shared/auth/claims.js';
import { inReach, type TreePosition } from '#shared/auth/reach.js';

/** The units in the caller's reach (the caller's unit and those below it), parents before children, then by name. */
export const unitsInReach = <U extends TreePosition & { readonly name: string }>(caller: Caller, units: readonly U[]): U[] =>
  units.filter((u) => inReach(caller, u)).sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh'));
