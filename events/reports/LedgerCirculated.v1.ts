import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Quarter } from './parts.js';
import { Actor, PersonRef } from '../people.js';

/** A cadre whose filings of the quarter were missing or failed, and in which months. */
const Shortfall = z.object({
  unitId: z.string().min(1),
  unitName: z.string().min(1),
  person: PersonRef,
  missing: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  failed: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
});

/**
 * The quarterly circulation of the monthly ledger (一季一通报): the units and people with missing or
 * failed filings under the circulating unit, published within `scope`.
 */
export const LedgerCirculatedData = z.object({
  circulationId: z.string().min(1),
  /** The unit whose subtree the circulation covers. */
  unitId: z.string().min(1),
  year: z.number().int(),
  quarter: Quarter,
  scope: z.enum(['public', 'system', 'subtree']),
  filers: z.number().int().nonnegative(),
  shortfalls: z.array(Shortfall),
  actor: Actor,
});
export type LedgerCirculatedData = z.infer<typeof LedgerCirculatedData>;

export const LedgerCirculatedV1 = eventSchema('reports.LedgerCirculated.v1', LedgerCirculatedData);
export type LedgerCirculatedV1 = z.infer<typeof LedgerCirculatedV1>;
