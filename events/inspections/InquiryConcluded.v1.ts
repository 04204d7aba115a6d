import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { InquiryKind } from './parts.js';

/**
 * One of the two extra investigations concluded: whether the committee (main responsibility) or
 * the commission (supervisory responsibility) is to be held accountable too.
 */
export const InquiryConcludedData = z.object({
  caseId: z.string().min(1),
  unitId: z.string().min(1),
  inquiry: InquiryKind,
  accountable: z.boolean(),
  actor: Actor,
});
export type InquiryConcludedData = z.infer<typeof InquiryConcludedData>;

export const InquiryConcludedV1 = eventSchema('inspections.InquiryConcluded.v1', InquiryConcludedData);
export type InquiryConcludedV1 = z.infer<typeof InquiryConcludedV1>;
