import { withFreshIds } from '#events/fixtures/index.js';
import { cstDate } from '#events/envelope.js';
import { RectificationClosedV1, RectificationEvidenceSubmittedV1, RectificationOpenedV1, RectificationReopenedV1 } from '#events/index.js';
import { countRectifications, foldRectification, isOverdue, rectificationStepOf, type RectificationEvent } from '../../src/domain/rectification.js';

const unitId = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03';

/** The fixture events of one rectification item, at the aggregate version given. */
const opened = RectificationOpenedV1.parse({ ...withFreshIds('reports.RectificationOpened.v1', unitId), aggregateversion: 1 });
const evidence = (aggregateversion: number) => RectificationEvidenceSubmittedV1.parse({ ...withFreshIds('reports.RectificationEvidenceSubmitted.v1', unitId), aggregateversion });
const reopened = (aggregateversion: number) => RectificationReopenedV1.parse({ ...withFreshIds('reports.RectificationReopened.v1', unitId), aggregateversion });
const closed = (aggregateversion: number) => RectificationClosedV1.parse({ ...withFreshIds('reports.RectificationClosed.v1', unitId), aggregateversion });

const fold = (events: readonly RectificationEvent[]) => foldRectification(events.map(rectificationStepOf));

describe('a rectification item', () => {
  it('is open again when its evidence is rejected, and closed when it is verified, counting every step', () => {
    // Prepare
    const rejected = [opened, evidence(2), reopened(3)];
    const done = [...rejected, evidence(4), closed(5)];

    // Act
    const afterRejection = fold(rejected);
    const afterClosing = fold(done);

    // Assess
    expect(afterRejection).toEqual({ status: 'open', history: 3, changedAt: reopened(3).time });
    expect(afterClosing).toEqual({ status: 'closed', history: 5, changedAt: closed(5).time });
  });

  it('takes its status from the latest aggregate version, whatever order the events arrive in', () => {
    // Act
    const state = fold([closed(5), opened, evidence(4), reopened(3), evidence(2)]);

    // Assess
    expect(state).toMatchObject({ status: 'closed', history: 5 });
  });
});

describe('an overdue rectification item', () => {
  // The fixture is due on 2027-05-31, a calendar date in China Standard Time.
  const lastSecondOfDueDay = new Date('2027-05-31T23:59:59.999+08:00');
  const dayAfter = new Date('2027-06-01T00:00:00.000+08:00');

  it('is reckoned on the day in Shanghai: the due day is over at midnight there, 16:00 UTC', () => {
    // Act
    const days = [lastSecondOfDueDay, dayAfter].map(cstDate);

    // Assess
    expect(days).toEqual(['2027-05-31', '2027-06-01']);
    expect(dayAfter.toISOString()).toBe('2027-05-31T16:00:00.000Z');
  });

  it('is not overdue on its due day, and overdue from the next day in Shanghai while it is not closed', () => {
    // Prepare
    const open = { status: fold([opened])!.status, dueDate: opened.data.dueDate };
    const withEvidence = { status: fold([opened, evidence(2)])!.status, dueDate: opened.data.dueDate };
    const done = { status: fold([opened, evidence(2), closed(3)])!.status, dueDate: opened.data.dueDate };

    // Act
    const onDueDay = isOverdue(open, cstDate(lastSecondOfDueDay));
    const nextDay = [open, withEvidence, done].map((item) => isOverdue(item, cstDate(dayAfter)));

    // Assess
    expect(opened.data.dueDate).toBe('2027-05-31');
    expect(onDueDay).toBe(false);
    expect(nextDay).toEqual([true, true, false]);
  });

  it('is counted beside the count of each status', () => {
    // Prepare
    const today = cstDate(dayAfter);
    const items = [[opened], [opened, evidence(2)], [opened, evidence(2), closed(3)], [opened, evidence(2), reopened(3)]].map((events) => {
      const { status } = fold(events)!;
      return { status, overdue: isOverdue({ status, dueDate: opened.data.dueDate }, today) };
    });

    // Act
    const counts = countRectifications(items);

    // Assess
    expect(counts).toEqual({ open: 2, evidenceSubmitted: 1, closed: 1, overdue: 3 });
  });
});
