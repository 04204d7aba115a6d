import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { PersonInUnit } from './parts.js';

/**
 * A clarification notice (澄清正名) for a cadre exempted or cleared. It is written to be
 * published: its text is what disclosure may show, and nothing else of the case travels with it.
 */
export const ClarificationIssuedData = z.object({
  clarificationId: z.string().min(1),
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  person: PersonInUnit,
  /** The published text, written by the commission for the public. */
  text: z.string().min(1),
  issuedOn: z.iso.date(),
  actor: Actor,
});
export type ClarificationIssuedData = z.infer<typeof ClarificationIssuedData>;

export const ClarificationIssuedV1 = eventSchema('inspections.ClarificationIssued.v1', ClarificationIssuedData);
export type ClarificationIssuedV1 = z.infer<typeof ClarificationIssuedV1>;
