import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { Recipient } from './parts.js';

/** A reminder could not be delivered through a channel after its retries; the in-app notice stands. */
export const DeliveryFailedData = z.object({
  reminderId: z.string().min(1),
  recipient: Recipient,
  channel: z.enum(['email', 'sms']),
  provider: z.string().min(1),
  attempts: z.number().int().positive(),
  reason: z.string().min(1),
  runAt: z.iso.datetime({ offset: true }),
});
export type DeliveryFailedData = z.infer<typeof DeliveryFailedData>;

export const DeliveryFailedV1 = eventSchema('reports.DeliveryFailed.v1', DeliveryFailedData);
export type DeliveryFailedV1 = z.infer<typeof DeliveryFailedV1>;
