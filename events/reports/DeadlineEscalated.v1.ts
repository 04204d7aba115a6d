import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { DeadlineKind, DeadlineRef } from './parts.js';

/**
 * The overdue units of a deadline went to an overseer: the upper committee or the discipline
 * commission of their upper level; first on the day after the deadline, then every week until each
 * unit is done.
 */
export const DeadlineEscalatedData = z.object({
  escalationId: z.string().min(1),
  kind: DeadlineKind,
  /** The overseeing unit whose committee or commission is told. */
  unitId: z.string().min(1),
  to: z.enum(['upperCommittee', 'disciplineCommission']),
  /** 1 on the first day overdue, then one more each week. */
  round: z.number().int().positive(),
  overdue: z.array(z.object({ unitName: z.string().min(1), deadline: DeadlineRef, daysOverdue: z.number().int().positive() })).min(1),
  runAt: z.iso.datetime({ offset: true }),
});
export type DeadlineEscalatedData = z.infer<typeof DeadlineEscalatedData>;

export const DeadlineEscalatedV1 = eventSchema('reports.DeadlineEscalated.v1', DeadlineEscalatedData);
export type DeadlineEscalatedV1 = z.infer<typeof DeadlineEscalatedV1>;
