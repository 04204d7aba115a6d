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

/**
 * Whether an opened record must be read (again): nothing shown yet, or the list says it has changed
 * since the one shown. Each read of a record is recorded by the service, so it is not read on every
 * reload of the list, nor when an action's answer already gave the newest.
 */
export const needsRead = (shown: Revised | undefined, listedRevision: number): boolean => shown === undefined || shown.revision < listedRevision;
