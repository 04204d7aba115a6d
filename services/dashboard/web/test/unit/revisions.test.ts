/** What an action answered is shown at once, the live list taking over once it has caught up; a record opened is read again only when the list says it changed. */
import { needsRead, newestOf } from '../../src/revisions.js';

interface Record {
  readonly id: string;
  readonly revision: number;
  readonly status: string;
}

const idOf = (r: Record) => r.id;

describe('the newest of a list and what actions answered', () => {
  const list: Record[] = [
    { id: 'a', revision: 2, status: 'held' },
    { id: 'b', revision: 1, status: 'proposed' },
  ];

  it('shows a record an action answered in place of the listed one while the list is behind, and a new record first', () => {
    // Prepare
    const answered = new Map([
      ['b', { id: 'b', revision: 2, status: 'approved' }],
      ['c', { id: 'c', revision: 1, status: 'proposed' }],
    ]);

    // Act
    const shown = newestOf(list, answered, idOf);

    // Assess
    expect(shown.map((r) => `${r.id}:${r.status}`)).toEqual(['c:proposed', 'a:held', 'b:approved']);
  });

  it('keeps the list’s record once it has caught up with the answer', () => {
    // Prepare
    const answered = new Map([['a', { id: 'a', revision: 2, status: 'stale' }]]);

    // Act
    const shown = newestOf(list, answered, idOf);

    // Assess
    expect(shown.map((r) => r.status)).toEqual(['held', 'proposed']);
  });
});

describe('reading a record opened from a list', () => {
  it('reads it when nothing is shown yet, and again only when the list has a newer revision than the one shown', () => {
    // Prepare
    const shown = { revision: 3 };

    // Act and assess
    expect(needsRead(undefined, 1)).toBe(true);
    expect(needsRead(shown, 4)).toBe(true);
    expect(needsRead(shown, 3)).toBe(false);
  });

  it('does not read it again when an action answered a record newer than the list', () => {
    // Act and assess
    expect(needsRead({ revision: 5 }, 4)).toBe(false);
  });
});
