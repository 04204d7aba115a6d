import { z } from 'zod';

/**
 * The input a scheduled function gets. EventBridge Scheduler fills `scheduledTime` from its
 * `<aws.scheduler.scheduled-time>` context attribute; `npm run schedule -- --at` sets it locally.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
const ScheduleInput = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/** The moment a scheduled run stands for: its schedule's own time, so any day can be replayed; `now` without one. */
export const scheduledTimeOf = (input: unknown, now: () => Date): Date => {
  const { scheduledTime } = ScheduleInput.parse(input ?? {});
  return scheduledTime ? new Date(scheduledTime) : now();
};
