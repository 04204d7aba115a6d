import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { MeasureKind } from './parts.js';

/**
 * A closed case was marked typical (典型案例) for circulation and publication. `summary` is the text the
 * commission wrote for the public (no names: the disclosure service applies its own redaction too);
 * the case record itself never leaves the service.
 */
export const TypicalCaseMarkedData = z.object({
  caseId: z.string().min(1),
  /** The unit of the person's post, whose level and name disclosure may show by its rules. */
  unitId: z.string().min(1),
  /** The year and quarter the case was closed in, whose circulation carries it. */
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  measures: z.array(MeasureKind),
  summary: z.string().min(1),
  actor: Actor,
});
export type TypicalCaseMarkedData = z.infer<typeof TypicalCaseMarkedData>;

export const TypicalCaseMarkedV1 = eventSchema('inspections.TypicalCaseMarked.v1', TypicalCaseMarkedData);
export type TypicalCaseMarkedV1 = z.infer<typeof TypicalCaseMarkedV1>;
