/** Days in China Standard Time, as the talk, notice and ledger forms send and show them. */
import { addDays, dayOf, todayCst } from '../../src/dates.js';

describe('days in China Standard Time', () => {
  it('reads an instant as the day it is in Beijing', () => {
    // Act and assess
    expect(dayOf('2027-05-20T15:59:59.999Z')).toBe('2027-05-20');
    expect(dayOf('2027-05-20T16:00:00.000Z')).toBe('2027-05-21');
    expect(dayOf('2027-05-20')).toBe('2027-05-20');
    expect(todayCst(new Date('2027-12-31T16:00:00Z'))).toBe('2028-01-01');
  });

  it('adds days across a month’s and a leap year’s end', () => {
    // Act and assess
    expect(addDays('2027-01-25', 15)).toBe('2027-02-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
