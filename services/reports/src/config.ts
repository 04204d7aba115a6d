/**
 * Deadlines of the reports service, held as configuration with the seed texts' defaults.
 * China Standard Time has no daylight saving, so Asia/Shanghai is the fixed offset +08:00.
 */
export interface ReportsConfig {
  /** When the annual report on year Y is due, as `MM-DDTHH:mm:ss` of year Y+1; default 31 January 23:59:59. */
  readonly annualReportDue: string;
  readonly utcOffset: string;
}

export const reportsConfig = (): ReportsConfig => ({
  annualReportDue: process.env.ANNUAL_REPORT_DUE ?? '01-31T23:59:59',
  utcOffset: '+08:00',
});

/** The last moment at which the annual report on `year` is on time. */
export const annualReportDeadline = (year: number, config: ReportsConfig = reportsConfig()): Date =>
  new Date(`${year + 1}-${config.annualReportDue}${config.utcOffset}`);
