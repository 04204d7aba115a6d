/**
 * Records that carry a revision (talks, warning notices): what an action answered is shown at once,
 * and the live list takes over again as soon as it has caught up with it.
 */
export interface Revised {
  readonly revision: number;
}

/**
 * The list with each record replaced by the one an action answered, when that one is newer; a
 * record answered that the list does not have yet comes first.
 */
export const newestOf = <T extends Revised>(list: readonly T[], answered: ReadonlyMap<string, T>, idOf: (record: T) => string): T[] => {
  const listed = new Set(list.map(idOf));
  const added = [...answered.values()].filter((a) => !listed.has(idOf(a)));
  return [
    ...added,
    ...list.map((record) => {
      const newer = answered.get(idOf(record));
      return newer && newer.revision > record.revision ? newer : record;
    }),
  ];
};
