import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * The case was closed: the person held accountable by its measures, or cleared (a clarification
 * notice follows) or exempted.
 */
export const CaseClosedData = z.object({
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  outcome: z.enum(['accountable', 'cleared', 'exempted']),
  measureCount: z.number().int().nonnegative(),
  closedOn: z.iso.date(),
  actor: Actor,
});
export type CaseClosedData = z.infer<typeof CaseClosedData>;

export const CaseClosedV1 = eventSchema('inspections.CaseClosed.v1', CaseClosedData);
export type CaseClosedV1 = z.infer<typeof CaseClosedV1>;
