import type { Caller } from '#shared/auth/claims.js';
import { inReach } from '#shared/auth/reach.js';
import { listUnits as loadUnits } from '../adapters/unitRepository.js';
import type { UnitView } from '../schemas.js';

/** The units in the caller's reach, parents before children. */
export const listUnitsInReach = async (caller: Caller): Promise<UnitView[]> =>
  (await loadUnits())
    .filter((unit) => inReach(caller, unit))
    .sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh'))
    .map(({ id, name, parentId, category }) => ({ id, name, parentId, category }));
