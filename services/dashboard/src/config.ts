/** The dashboard's numbers, held as configuration with their documented defaults. */
export interface DashboardConfig {
  /**
   * How many days a unit counts as escalated after the last round that named it
   * (`ESCALATION_LAPSE_DAYS`, default 8). The deadline engine escalates an overdue unit again every
   * 7 days until it is done, so a round older than a week and a day means the unit is no longer
   * overdue (or its deadline was moved).
   */
  readonly escalationLapseDays: number;
}

const positiveWholeNumber = (text: string, name: string): number => {
  if (!/^[1-9]\d{0,3}$/.test(text)) throw new Error(`${name} must be a whole number of days, 1 or more; got "${text}"`);
  return Number(text);
};

/** The configuration from the environment, with the defaults above. */
export const dashboardConfig = (env: NodeJS.ProcessEnv = process.env): DashboardConfig => ({
  escalationLapseDays: positiveWholeNumber(env.ESCALATION_LAPSE_DAYS ?? '8', 'ESCALATION_LAPSE_DAYS'),
});
