/**
 * The clock handlers read `now` from. Domain code never reads time itself; it is passed in.
 * `CLOCK_OFFSET_MS` shifts it, for demos and tests of deadlines.
 */
export const now = (): Date => new Date(Date.now() + Number(process.env.CLOCK_OFFSET_MS ?? 0));
