import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';

/**
 * A political-ecology assessment (政治生态研判) of a unit was recorded, for its committee to use: who
 * assessed, the method and the content stay in the record; the rating travels.
 */
export const PoliticalEcologyAssessedData = z.object({
  ecologyId: z.string().min(1),
  unitId: z.string().min(1),
  issuingUnitId: z.string().min(1),
  year: z.number().int(),
  rating: z.enum(['good', 'fair', 'poor']),
  actor: Actor,
});
export type PoliticalEcologyAssessedData = z.infer<typeof PoliticalEcologyAssessedData>;

export const PoliticalEcologyAssessedV1 = eventSchema('inspections.PoliticalEcologyAssessed.v1', PoliticalEcologyAssessedData);
export type PoliticalEcologyAssessedV1 = z.infer<typeof PoliticalEcologyAssessedV1>;
