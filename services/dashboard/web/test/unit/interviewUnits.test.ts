/** The dashboard's interviews overview as the oversight views read it: the units to choose from, a subtree, the chart's series. */
import { chartDataOf, subtreeRows, unitChoices } from '../../src/interviewUnits.js';
import { interviewsOverview } from '../fixtures/index.js';

describe('the units of the interviews overview', () => {
  it('lists the units in tree order with their depth, whatever order the rows come in', () => {
    // Act
    const choices = unitChoices(interviewsOverview().rows, 'city');

    // Assess
    expect(choices.map((u) => `${u.depth}:${u.name}`)).toEqual(['0:海城市', '1:东湖县', '2:东湖镇', '1:市财政局']);
  });

  it('offers the viewer’s own unit before the overview has answered', () => {
    // Act
    const choices = unitChoices([], 'county');

    // Assess
    expect(choices).toEqual([{ unitId: 'county', name: '本单位', depth: 0 }]);
  });

  it('takes a unit’s subtree, and the chart’s series over it, one value per unit', () => {
    // Act
    const rows = subtreeRows(interviewsOverview().rows, 'county');
    const data = chartDataOf(rows);

    // Assess
    expect(rows.map((r) => r.unitId)).toEqual(['county', 'town']);
    expect(data.units).toEqual(['东湖县', '东湖镇']);
    expect(data.talks.joint).toEqual([1, 0]);
    expect(data.talks.reminder).toEqual([0, 1]);
    expect(data.outstanding).toEqual([2, 0]);
    expect(data.overdue).toEqual([1, 0]);
  });
});
