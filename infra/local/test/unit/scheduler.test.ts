import { cronMatches } from '../../scheduler.js';

describe('EventBridge cron in a time zone', () => {
  it.each([
    ['0 9 24 1 ? *', '2027-01-24T01:00:00Z', true],
    ['0 9 24 1 ? *', '2027-01-24T09:00:00Z', false],
    ['0 9 24 JAN ? *', '2027-01-24T01:00:00Z', true],
    ['0/15 * * * ? *', '2027-03-01T02:45:00Z', true],
    ['0/15 * * * ? *', '2027-03-01T02:46:00Z', false],
    ['0 8 ? * MON-FRI *', '2026-11-23T00:00:00Z', true],
    ['0 8 ? * MON-FRI *', '2026-11-22T00:00:00Z', false],
    ['0 0 1 2 ? 2027', '2027-01-31T16:00:00Z', true],
  ])('%s at %s in Asia/Shanghai: %s', (cron, at, expected) => {
    // Act / Assess
    expect(cronMatches(cron, new Date(at), 'Asia/Shanghai')).toBe(expected);
  });

  it('refuses an expression without six fields', () => {
    // Act / Assess
    expect(() => cronMatches('0 9 * * *', new Date(), 'Asia/Shanghai')).toThrow('six fields');
  });
});
