import { allUnits } from '../adapters/disclosureRepository.js';

/** The units one may complain about, parents first, as the public form lists them: names only. */
export const publicUnits = async () =>
  (await allUnits())
    .sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.name.localeCompare(b.name, 'zh'))
    .map((u) => ({ id: u.id, name: u.name, parentId: u.ancestorIds.at(-1) ?? null }));
