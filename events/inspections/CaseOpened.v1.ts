import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Actor } from '../people.js';
import { CaseSource, InquiryKind, PersonInUnit } from './parts.js';

/**
 * An accountability case was opened on a clue about a person; in one of the listed situations it
 * also opens the two extra investigations (一案双查). The facts stay in the case record.
 */
export const CaseOpenedData = z.object({
  caseId: z.string().min(1),
  /** The unit of the person's post when the case was opened. */
  unitId: z.string().min(1),
  person: PersonInUnit,
  /** The commission handling it. */
  handlingUnitId: z.string().min(1),
  source: CaseSource,
  /** The listed situation of 一案双查, if the case names one. */
  situation: z.string().min(1).nullable(),
  inquiries: z.array(InquiryKind),
  openedOn: z.iso.date(),
  actor: Actor,
});
export type CaseOpenedData = z.infer<typeof CaseOpenedData>;

export const CaseOpenedV1 = eventSchema('inspections.CaseOpened.v1', CaseOpenedData);
export type CaseOpenedV1 = z.infer<typeof CaseOpenedV1>;
