/**
 * The disclosure service's rules that a city may set: how long a handling body has to answer, and
 * the rate limits of the routes that face the public. The numbers are defaults of ours: the source
 * texts set none (Loudi answers "within the time limit"). A deployment may set the limits in the
 * functions' environment; they are read on each request.
 */
const setting = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const disclosureConfig = {
  /** Calendar days from filing to the answer's due day. */
  answerWithinDays: 15,
  /** Filings per client address per hour. */
  get filingsPerAddressPerHour(): number {
    return setting('DISCLOSURE_FILINGS_PER_ADDRESS_PER_HOUR', 10);
  },
  /** Receipt lookups and ratings per client address per minute. */
  get lookupsPerAddressPerMinute(): number {
    return setting('DISCLOSURE_LOOKUPS_PER_ADDRESS_PER_MINUTE', 30);
  },
  /** Lookups and ratings of one receipt code per minute, from any address. */
  get lookupsPerCodePerMinute(): number {
    return setting('DISCLOSURE_LOOKUPS_PER_CODE_PER_MINUTE', 10);
  },
  /**
   * Unit names published in full down to this level (the root is 0: the city; 1: its counties and
   * departments); a unit further down is published as 某 and its kind (某镇, 某村).
   */
  publicUnitNamesUpToLevel: 1,
  /** A lookup answers no sooner than this, found or not, so that its time tells nothing (the reads take a few ms). */
  lookupFloorMs: 200,
};
