/** Checking a roster row by row before anything is written (the rules, without I/O). */
import { planRoster, type KnownPost, type KnownUnit } from '../../src/domain/roster.js';

const header = ['单位名称', '上级单位', '单位类别', '姓名', '人员编号', '职务类型', '职务名称', '分管领域', '任职日期'];
const root = 'root';
const known: KnownUnit[] = [
  { id: root, name: '东湖县', parentId: 'city' },
  { id: 'town-a', name: '城关镇', parentId: root },
];
const posts: KnownPost[] = [{ unitId: 'town-a', personId: 'p1', name: '王明', role: 'secretary', startDate: '2026-01-05', endDate: null }];

describe('a roster', () => {
  it('plans new units (parents first, found by name) and posts, and counts rows already there as unchanged', () => {
    // Act
    const plan = planRoster(
      [
        header,
        ['青石镇', '', '乡镇（街道）党委', '', '', '', '', '', ''],
        ['青石镇', '', '', '李华', '', '书记', '党委书记', '', '2026-02-01'],
        ['青石镇', '', '', '赵强', '', '班子成员', '党委委员', '财政、教育', '2026-02-01'],
        ['青石村', '青石镇', '村（社区）党支部', '孙丽', '', '书记', '支部书记', '', '2026-02-01'],
        ['城关镇', '', '', '王明', '', '书记', '党委书记', '', '2026-01-05'],
      ],
      root,
      known,
      posts,
    );

    // Assess
    expect(plan.errors).toBe(0);
    expect(plan.units.map((u) => [u.name, u.parentRef])).toEqual([
      ['青石镇', { known: root }],
      ['青石村', { created: '青石镇' }],
    ]);
    expect(plan.posts.map((p) => [p.name, p.role, p.areas])).toEqual([
      ['李华', 'secretary', []],
      ['赵强', 'teamMember', ['财政', '教育']],
      ['孙丽', 'secretary', []],
    ]);
    expect(plan.report.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
      [5, 'new'],
      [6, 'unchanged'],
    ]);
  });

  it('names every bad row with why, in Chinese, and plans nothing', () => {
    // Act
    const plan = planRoster(
      [
        header,
        ['青石镇', '', '乡镇（街道）党委', '李华', '', '书记', '党委书记', '', '2026-02-01'],
        ['白沙镇', '', '', '', '', '', '', '', ''],
        ['青石镇', '', '', '赵强', '', '书记', '党委书记', '', '2026-02-01'],
        ['青石镇', '', '', '钱进', '', '主任', '办公室主任', '', '2026-02-30'],
        ['青石村', '无此镇', '村（社区）党支部', '', '', '', '', '', ''],
      ],
      root,
      known,
      posts,
    );

    // Assess
    expect(plan).toMatchObject({ errors: 4, units: [], posts: [] });
    expect(plan.report.filter((r) => r.status === 'error').map((r) => [r.row, r.messages])).toEqual([
      [3, ['新单位须填写单位类别']],
      [4, ['该单位已有在任书记']],
      [5, ['职务类型须为书记、副书记、班子成员或纪委书记，而不是“主任”', '任职日期“2026-02-30”不是有效日期（YYYY-MM-DD）']],
      [6, ['上级单位“无此镇”不存在（须在本文件前面的行或导入范围内）']],
    ]);
  });

  it('refuses a file without the columns it needs, or without rows', () => {
    // Act / Assess
    expect(planRoster([['单位名称', '姓名']], root, known, posts).report[0]!.messages[0]).toMatch(/^缺少列：上级单位、单位类别/);
    expect(planRoster([header], root, known, posts).report).toEqual([{ row: 1, status: 'error', messages: ['文件中没有数据行'] }]);
  });
});
