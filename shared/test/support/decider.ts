/**
 * Decider tests as a specification: given these past events, when this command, then these new
 * events (or this error). The state is folded from the given events with `evolve`, never built by
 * hand, so every test exercises `evolve` as well as `decide`; the new events are folded too, so an
 * event `evolve` cannot apply fails the test.
 *
 * @example
 * ```ts
 * import { decide, evolve, type AnnualReport, type ReportCommand } from '#services/reports/src/domain/annualReport.js';
 * import { deciderSpec } from '#shared/test/support/decider.js';
 *
 * const actor = { subject: 'p1', role: 'unit_secretary' as const, unitId: 'u1' };
 * const context = { now: new Date('2027-01-02T00:00:00+08:00'), deadline: new Date('2027-01-31T23:59:59+08:00'), actor };
 * const spec = deciderSpec({ decide: (c: ReportCommand, s: AnnualReport | undefined) => decide(c, s, context), evolve });
 * spec.given([]).when({ kind: 'submit', unitId: 'u1', year: 2026, items: [] }).thenThrows(Error);
 * ```
 */

export interface Decider<C, S, E> {
  readonly decide: (command: C, state: S | undefined) => E[];
  readonly evolve: (state: S | undefined, event: E) => S;
}

/** The given/when/then form of one decider. */
export const deciderSpec = <C, S, E>(decider: Decider<C, S, E>) => ({
  given: (events: readonly E[]) => {
    const state = events.reduce<S | undefined>(decider.evolve, undefined);
    return {
      when: (command: C) => ({
        /** The command gives exactly these events, and they evolve the state; gives the state after them. */
        then: (expected: readonly E[]): S | undefined => {
          const events = decider.decide(command, state);
          expect(events).toEqual(expected);
          return events.reduce<S | undefined>(decider.evolve, state);
        },
        /** The command is refused with this error class. */
        thenThrows: (error: new (...args: never[]) => Error): void => {
          expect(() => decider.decide(command, state)).toThrow(error);
        },
      }),
    };
  },
});
