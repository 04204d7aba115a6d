import { summarise } from '../../src/domain/overview.js';
import type { ReportStatus } from '../../src/schemas.js';

describe('the annual report overview', () => {
  it('counts submitted (late included), late and missing (drafts included), and names each unit’s parent', () => {
    // Prepare
    const statuses: Record<string, ReportStatus> = { a: 'submitted', b: 'late', c: 'draft', d: 'missing' };
    const units = Object.keys(statuses).map((id) => ({ id, name: id.toUpperCase(), ancestorIds: id === 'a' ? [] : ['root', 'a'] }));

    // Act
    const overview = summarise(2026, units, (id) => statuses[id]!);

    // Assess
    expect(overview).toEqual({
      year: 2026,
      expected: 4,
      submitted: 2,
      late: 1,
      missing: 2,
      units: [
        { unitId: 'a', name: 'A', parentId: null, status: 'submitted' },
        { unitId: 'b', name: 'B', parentId: 'a', status: 'late' },
        { unitId: 'c', name: 'C', parentId: 'a', status: 'draft' },
        { unitId: 'd', name: 'D', parentId: 'a', status: 'missing' },
      ],
    });
  });
});
