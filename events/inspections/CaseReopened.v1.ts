import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * A look-back (回头看) found that accountability fell short: the closed case is open again.
 */
export const CaseReopenedData = z.object({
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  reopenedOn: z.iso.date(),
  actor: Actor,
});
export type CaseReopenedData = z.infer<typeof CaseReopenedData>;

export const CaseReopenedV1 = eventSchema('inspections.CaseReopened.v1', CaseReopenedData);
export type CaseReopenedV1 = z.infer<typeof CaseReopenedV1>;
