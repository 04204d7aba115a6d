import { AnnualReportSubmittedV1, eventSchemas, type EventType } from '../../index.js';
import { loadFixture } from '../../fixtures/index.js';
import { CloudEvent, newEvent, toCstIso } from '../../envelope.js';

describe('the event contracts', () => {
  it.each(Object.entries(eventSchemas) as Array<[EventType, (typeof eventSchemas)[EventType]]>)('%s: has a fixture, which parses with its schema', (name, schema) => {
    // Act
    const result = schema.safeParse(loadFixture(name));

    // Assess
    expect(result.error).toBeUndefined();
  });

  it('name their actor in every signing event: the audit trail', () => {
    // Act
    const actors = Object.keys(eventSchemas)
      .filter((type) => type.startsWith('signing.'))
      .map((type) => ({ type, actor: loadFixture(type as EventType).data.actor }));

    // Assess
    expect(actors.length).toBe(14);
    for (const { type, actor } of actors) expect({ type, actor }).toEqual({ type, actor: expect.objectContaining({ subject: expect.any(String), role: expect.any(String) }) });
  });

  it('rejects an event whose data breaks the schema', () => {
    // Prepare
    const event = loadFixture('reports.AnnualReportSubmitted.v1');

    // Act
    const result = AnnualReportSubmittedV1.safeParse({ ...event, data: { ...event.data, late: 'yes' } });

    // Assess
    expect(result.error?.issues[0]?.path).toEqual(['data', 'late']);
  });

  it('wraps data in a CloudEvents 1.0 envelope with a UUIDv7 id and China Standard Time', () => {
    // Act
    const event = newEvent({
      type: 'signing.UnitRegistered.v1',
      source: '/services/signing',
      subject: 'u1',
      unitId: 'u1',
      aggregateVersion: 1,
      correlationId: 'c1',
      time: new Date('2027-01-31T15:59:59Z'),
      data: { any: 'thing' },
    });

    // Assess
    expect(CloudEvent.safeParse(event).error).toBeUndefined();
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(event.time).toBe('2027-01-31T23:59:59.000+08:00');
    expect(toCstIso(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00.000+08:00');
  });
});
