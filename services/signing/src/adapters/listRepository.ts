import type { ResponsibilityList } from '../domain/lists.js';
import { queryItems, withoutKeys, type ItemPut } from './store.js';

/** A list's place: one per unit, year, subject and post. */
const listSk = (list: Pick<ResponsibilityList, 'year' | 'subject' | 'postId'>) => `LIST#${list.year}#${list.subject}#${list.postId ?? 'unit'}`;

/** A list as read: its `revision` is the list's own (the domain counts its changes with it). */
const toList = (item: Record<string, unknown>): ResponsibilityList => ({ ...withoutKeys<ResponsibilityList>(item), revision: item.revision as number });

/** The unit's lists of a year. */
export const unitLists = async (unitId: string, year: number): Promise<ResponsibilityList[]> =>
  (await queryItems(`UNIT#${unitId}`, `LIST#${year}#`)).map(toList);

/** The put of a list: new at revision 1 (its slot free), or replacing the revision it was read at. */
export const listPut = (list: ResponsibilityList): ItemPut => ({
  item: { pk: `UNIT#${list.unitId}`, sk: listSk(list), kind: 'responsibilityList', ...list },
  expect: list.revision === 1 ? 'absent' : { revision: list.revision - 1 },
  what: 'The responsibility list',
});

/** One of the unit's lists, whatever its year. */
export const findUnitList = async (unitId: string, listId: string): Promise<ResponsibilityList | undefined> =>
  (await queryItems(`UNIT#${unitId}`, 'LIST#')).map(toList).find((l) => l.listId === listId);
