import { withFreshIds } from '#events/fixtures/index.js';
import { KeyTaskRatedV1 } from '#events/index.js';
import { countLights, lightsOf, ratingOf } from '../../src/domain/keyTasks.js';

const unitId = '019a7b2e-4c1d-7f00-8a11-3d2f6b9e0c03';

/** The fixture rating (quarter 1, yellow) for one unit, changed by `data`, at the aggregate version given. */
const rated = (aggregateversion: number, data: Record<string, unknown> = {}) =>
  KeyTaskRatedV1.parse({ ...withFreshIds('reports.KeyTaskRated.v1', unitId, data), aggregateversion });

describe('the lights of a key task', () => {
  it('give each quarter the light and reason of its last rating, whatever order the ratings arrive in', () => {
    // Prepare
    const first = rated(3);
    const again = rated(5, { light: 'red', reason: '节点任务未完成' });
    const second = rated(7, { quarter: 2, light: 'green', reason: '按期推进' });

    // Act
    const inOrder = lightsOf([first, again, second].map(ratingOf));
    const shuffled = lightsOf([second, again, first].map(ratingOf));

    // Assess
    expect(first.data.light).toBe('yellow');
    expect(inOrder).toEqual({ lights: { '1': 'red', '2': 'green' }, reasons: { '1': '节点任务未完成', '2': '按期推进' } });
    expect(shuffled).toEqual(inOrder);
  });

  it('are counted red, yellow and green per quarter, a quarter not rated counting nothing', () => {
    // Prepare
    const tasks = [
      [rated(3, { light: 'red' }), rated(4, { quarter: 2, light: 'yellow' })],
      [rated(3)],
      [rated(3, { light: 'green' }), rated(4, { quarter: 2, light: 'red' })],
    ].map((ratings) => lightsOf(ratings.map(ratingOf)));

    // Act
    const counts = countLights(tasks);

    // Assess
    expect(counts).toEqual({
      '1': { red: 1, yellow: 1, green: 1 },
      '2': { red: 1, yellow: 1, green: 0 },
      '3': { red: 0, yellow: 0, green: 0 },
      '4': { red: 0, yellow: 0, green: 0 },
    });
  });
});
