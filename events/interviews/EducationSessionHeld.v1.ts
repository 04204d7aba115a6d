import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/** The forms of integrity education the ledger counts. */
export const EducationForm = z.enum(['warningEducation', 'partyLecture', 'caseStudy', 'visit', 'other']);
export type EducationForm = z.infer<typeof EducationForm>;

/** A unit held an integrity-education session. */
export const EducationSessionHeldData = z.object({
  sessionId: z.string().min(1),
  unitId: z.string().min(1),
  year: z.number().int(),
  heldOn: z.iso.date(),
  form: EducationForm,
  attendance: z.number().int().positive(),
  actor: Actor,
});
export type EducationSessionHeldData = z.infer<typeof EducationSessionHeldData>;

export const EducationSessionHeldV1 = eventSchema('interviews.EducationSessionHeld.v1', EducationSessionHeldData);
export type EducationSessionHeldV1 = z.infer<typeof EducationSessionHeldV1>;
