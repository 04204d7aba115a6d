import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * Fault tolerance (容错免责): the person of the case is exempted in one of the configured
 * situations, after the procedure; no measure is imposed and a clarification notice follows.
 */
export const ExemptionGrantedData = z.object({
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  /** A configured exemption situation. */
  situation: z.string().min(1),
  grantedOn: z.iso.date(),
  actor: Actor,
});
export type ExemptionGrantedData = z.infer<typeof ExemptionGrantedData>;

export const ExemptionGrantedV1 = eventSchema('inspections.ExemptionGranted.v1', ExemptionGrantedData);
export type ExemptionGrantedV1 = z.infer<typeof ExemptionGrantedV1>;
