/** What the events of `disclosure.events` share. Only what is safe in public goes on the topic: ids, units, dates, states, never a complaint's words or a complainant. */
import { z } from 'zod';

/** How a complaint came in: the public form, or a village supervisory committee's monthly clues. */
export const ComplaintChannel = z.enum(['public', 'villageCommittee']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** A complainant's rating of the answer (满意、基本满意、不满意); the first two count as satisfied. */
export const Rating = z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied']);
export type Rating = z.infer<typeof Rating>;

/** Where a referred complaint went: an accountability case, a talk, or another competent body. */
export const ReferralKind = z.enum(['case', 'talk', 'otherBody']);
export type ReferralKind = z.infer<typeof ReferralKind>;

/**
 * The kinds of a village supervisory committee's monthly clue (村务监督委员会), by which the town's
 * discipline body sorts them: village finances, projects, collective assets and resources, benefits
 * paid to villagers, cadres' conduct, and anything else.
 */
export const ClueKind = z.enum(['finance', 'project', 'asset', 'benefit', 'conduct', 'other']);
export type ClueKind = z.infer<typeof ClueKind>;

/** The ids every complaint event carries: the complaint, the unit complained about and the one handling it. */
export const ComplaintIds = z.object({
  complaintId: z.string().min(1),
  unitId: z.string().min(1),
  handlingUnitId: z.string().min(1),
});
