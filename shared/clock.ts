/** The clock handlers read `now` from. Domain code never reads time itself; it is passed in. */
export const now = (): Date => new Date();
