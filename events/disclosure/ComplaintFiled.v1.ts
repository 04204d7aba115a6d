import { z } from 'zod';
import { eventSchema } from '../envelope.js';
import { ComplaintChannel } from './parts.js';

/** A complaint was filed about a unit. Its facts and the complainant stay in the service. */
export const ComplaintFiledData = z.object({
  complaintId: z.string().min(1),
  unitId: z.string().min(1),
  channel: ComplaintChannel,
  aboutDisciplineBody: z.boolean(),
  filedOn: z.iso.date(),
});
export type ComplaintFiledData = z.infer<typeof ComplaintFiledData>;

export const ComplaintFiledV1 = eventSchema('disclosure.ComplaintFiled.v1', ComplaintFiledData);
export type ComplaintFiledV1 = z.infer<typeof ComplaintFiledV1>;
