/**
 * What one event contributed to a projected thing, kept by the event's `aggregateversion`: folding
 * the contributions in version order gives the state the producing service decided, whatever order
 * the events arrived in, and writing the same contribution again (a redelivery) changes nothing.
 */
export interface Versioned<S> {
  readonly aggregateVersion: number;
  readonly step: S;
}

/** The contributions in the order the producing service made them. */
export const inVersionOrder = <S>(steps: ReadonlyArray<Versioned<S>>): Array<Versioned<S>> => [...steps].sort((a, b) => a.aggregateVersion - b.aggregateVersion);
