/**
 * A rectification item as the dashboard sees it: where it is (open, evidence submitted, closed),
 * how many steps it has been through, and whether it is overdue, which depends on the day it is
 * asked and so is reckoned when read, never stored.
 */
import type { RectificationClosedV1, RectificationEvidenceSubmittedV1, RectificationOpenedV1, RectificationReopenedV1 } from '#events/index.js';
import type { RectificationStatus } from '../schemas.js';
import { inVersionOrder, type Versioned } from './versioned.js';

/** The events of a rectification item's life. */
export type RectificationEvent = RectificationOpenedV1 | RectificationEvidenceSubmittedV1 | RectificationClosedV1 | RectificationReopenedV1;

/** What one event does to an item: the status it leaves it in, and when. */
export interface RectificationStep {
  readonly status: RectificationStatus;
  readonly at: string;
}

/** The step an event contributes, with its aggregate version. Evidence that is rejected opens the item again. */
export const rectificationStepOf = (event: RectificationEvent): Versioned<RectificationStep> => {
  const status = ((): RectificationStatus => {
    switch (event.type) {
      case 'reports.RectificationOpened.v1':
      case 'reports.RectificationReopened.v1':
        return 'open';
      case 'reports.RectificationEvidenceSubmitted.v1':
        return 'evidenceSubmitted';
      case 'reports.RectificationClosed.v1':
        return 'closed';
      default: {
        const unknown: never = event;
        throw new Error(`Unknown rectification event ${JSON.stringify(unknown)}`);
      }
    }
  })();
  return { aggregateVersion: event.aggregateversion, step: { status, at: event.time } };
};

/** Where the steps leave an item, how many there were and when the last was; undefined for none. */
export const foldRectification = (
  steps: ReadonlyArray<Versioned<RectificationStep>>,
): { readonly status: RectificationStatus; readonly history: number; readonly changedAt: string } | undefined => {
  const last = inVersionOrder(steps).at(-1);
  return last && { status: last.step.status, history: steps.length, changedAt: last.step.at };
};


/**
 * Whether an item is overdue on `today` (a CST calendar date): not closed, and due on an earlier
 * day. An item due today is not overdue until the day is over in Shanghai.
 */
export const isOverdue = (item: { readonly status: RectificationStatus; readonly dueDate: string }, today: string): boolean => item.status !== 'closed' && item.dueDate < today;

/** How many items are in each status, and how many are overdue. */
export const countRectifications = (items: ReadonlyArray<{ readonly status: RectificationStatus; readonly overdue: boolean }>) => ({
  open: items.filter((i) => i.status === 'open').length,
  evidenceSubmitted: items.filter((i) => i.status === 'evidenceSubmitted').length,
  closed: items.filter((i) => i.status === 'closed').length,
  overdue: items.filter((i) => i.overdue).length,
});
