/**
 * The roster import: units, people and posts from a table (CSV or Excel), one row per unit or per
 * person in a post. Every row is checked before anything is written, and the answer names each row
 * in Chinese; rows that are already in the system are "unchanged", so importing the same file twice
 * changes nothing. Pure rules, no I/O.
 *
 * Columns (the header row names them; order is free):
 * 单位名称 · 上级单位 · 单位类别 · 姓名 · 人员编号 · 职务类型 · 职务名称 · 分管领域 · 任职日期
 * A row with no 姓名 registers (or finds) its unit only. 上级单位 is a unit of the file, or one
 * already below the import's root; empty means the root itself. 职务类型 is 书记, 副书记, 班子成员 or
 * 纪委书记. 分管领域 lists areas separated by 、 or ；.
 */
import type { PostRole } from '#events/signing/parts.js';
import { yearRange } from '#shared/http/inputs.js';

/** The columns, by header. */
export const rosterColumns = {
  unit: '单位名称',
  parent: '上级单位',
  category: '单位类别',
  name: '姓名',
  personId: '人员编号',
  role: '职务类型',
  title: '职务名称',
  areas: '分管领域',
  startDate: '任职日期',
} as const;

const roleNames: Readonly<Record<string, PostRole>> = { 书记: 'secretary', 副书记: 'deputySecretary', 班子成员: 'teamMember', 纪委书记: 'disciplineChief', 纪检组长: 'disciplineChief' };
const singleHolder: readonly PostRole[] = ['secretary', 'disciplineChief'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A unit as the import sees the tree below its root. */
export interface KnownUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

/** A post already held, as the import compares rows with it. */
export interface KnownPost {
  readonly unitId: string;
  readonly personId: string;
  readonly name: string;
  readonly role: PostRole;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** What one row comes to. */
export interface RowReport {
  /** The row's number in the file, the header being row 1. */
  readonly row: number;
  readonly status: 'new' | 'unchanged' | 'error';
  readonly messages: readonly string[];
}

/** A unit to register; `parentRef` is a known unit id or the key of another new unit. */
export interface UnitToCreate {
  readonly key: string;
  readonly name: string;
  readonly category: string;
  readonly parentRef: { readonly known: string } | { readonly created: string };
  readonly row: number;
}

/** A post to assign; `unitRef` as above. */
export interface PostToCreate {
  readonly unitRef: { readonly known: string } | { readonly created: string };
  readonly personId: string | undefined;
  readonly name: string;
  readonly role: PostRole;
  readonly title: string;
  readonly areas: readonly string[];
  readonly startDate: string;
  readonly row: number;
}

export interface RosterPlan {
  readonly units: readonly UnitToCreate[];
  readonly posts: readonly PostToCreate[];
  readonly report: readonly RowReport[];
  readonly errors: number;
}

const isDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  const year = Number(text.slice(0, 4));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && year >= yearRange.min && year <= yearRange.max;
};

/**
 * Checks every row of `table` (the header first) against the tree below `rootId` and its posts,
 * and plans what to write; nothing is planned for a file with any error.
 */
export const planRoster = (table: readonly (readonly string[])[], rootId: string, known: readonly KnownUnit[], posts: readonly KnownPost[]): RosterPlan => {
  const [header = [], ...rows] = table;
  const index = Object.fromEntries(Object.entries(rosterColumns).map(([key, title]) => [key, header.findIndex((h) => h.trim() === title)])) as Record<keyof typeof rosterColumns, number>;
  const missingColumns = (['unit', 'parent', 'category', 'name', 'role', 'title', 'startDate'] as const).filter((key) => index[key] < 0).map((key) => rosterColumns[key]);
  if (missingColumns.length > 0 || rows.length === 0) {
    const message = missingColumns.length > 0 ? `缺少列：${missingColumns.join('、')}` : '文件中没有数据行';
    return { units: [], posts: [], report: [{ row: 1, status: 'error', messages: [message] }], errors: 1 };
  }
  const cell = (row: readonly string[], key: keyof typeof rosterColumns) => (index[key] >= 0 ? (row[index[key]] ?? '').trim() : '');

  // Units of the file, by name: found below the root, or created (a name may appear on many rows).
  const byName = new Map<string, KnownUnit[]>();
  for (const unit of known) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const created = new Map<string, UnitToCreate>();
  const report: RowReport[] = [];
  const plannedPosts: PostToCreate[] = [];
  const takenSingles = new Set(posts.filter((p) => p.endDate === null && singleHolder.includes(p.role)).map((p) => `${p.unitId}#${p.role}`));
  const takenPeople = new Set(posts.filter((p) => p.endDate === null).map((p) => `${p.unitId}#${p.name}`));

  rows.forEach((row, i) => {
    const number = i + 2;
    const messages: string[] = [];
    if (row.every((c) => c.trim() === '')) return;
    const unitName = cell(row, 'unit');
    const parentName = cell(row, 'parent');
    const category = cell(row, 'category');
    if (unitName === '') messages.push('单位名称不能为空');
    if ([...unitName].length > 200) messages.push('单位名称最多 200 个字符');

    // The parent: empty is the root; else a unit of the file (earlier rows) or below the root.
    let parentRef: UnitToCreate['parentRef'] | undefined;
    if (parentName === '') parentRef = { known: rootId };
    else if (created.has(parentName)) parentRef = { created: parentName };
    else {
      const found = byName.get(parentName) ?? [];
      if (found.length === 1) parentRef = { known: found[0]!.id };
      else messages.push(found.length === 0 ? `上级单位“${parentName}”不存在（须在本文件前面的行或导入范围内）` : `上级单位“${parentName}”有重名，无法确定`);
    }

    // The unit: found (same name under the same parent), or to create.
    let unitRef: PostToCreate['unitRef'] | undefined;
    let unitIsNew = false;
    if (unitName !== '' && parentRef) {
      const existing = 'known' in parentRef ? known.find((u) => u.name === unitName && u.parentId === parentRef.known) : undefined;
      const planned = created.get(unitName);
      if (existing) unitRef = { known: existing.id };
      else if (planned) {
        if (JSON.stringify(planned.parentRef) !== JSON.stringify(parentRef)) messages.push(`单位“${unitName}”在第 ${planned.row} 行的上级单位不同`);
        unitRef = { created: unitName };
      } else if (category === '') messages.push('新单位须填写单位类别');
      else if ([...category].length > 100) messages.push('单位类别最多 100 个字符');
      else {
        unitIsNew = true;
        unitRef = { created: unitName };
      }
    }

    // The person in a post, if the row names one.
    const name = cell(row, 'name');
    let post: PostToCreate | undefined;
    let postUnchanged = false;
    if (name !== '') {
      const role = roleNames[cell(row, 'role')];
      const title = cell(row, 'title');
      const startDate = cell(row, 'startDate');
      const personId = cell(row, 'personId');
      const areas = cell(row, 'areas').split(/[、；;]/).map((a) => a.trim()).filter(Boolean);
      if ([...name].length > 50) messages.push('姓名最多 50 个字符');
      if (!role) messages.push(`职务类型须为书记、副书记、班子成员或纪委书记，而不是“${cell(row, 'role')}”`);
      if (title === '') messages.push('职务名称不能为空');
      if (!isDate(startDate)) messages.push(`任职日期“${startDate}”不是有效日期（YYYY-MM-DD）`);
      if (personId !== '' && !uuid.test(personId)) messages.push('人员编号格式不正确');
      if (role && unitRef && isDate(startDate)) {
        const unitKey = 'known' in unitRef ? unitRef.known : `new:${unitRef.created}`;
        const same = 'known' in unitRef ? posts.find((p) => p.unitId === unitRef.known && p.name === name && p.role === role && p.startDate === startDate) : undefined;
        if (same) postUnchanged = true;
        else {
          if (singleHolder.includes(role) && takenSingles.has(`${unitKey}#${role}`)) messages.push(`该单位已有在任${cell(row, 'role')}`);
          if (takenPeople.has(`${unitKey}#${name}`)) messages.push(`${name}在该单位已有在任职务`);
          if (messages.length === 0) {
            takenSingles.add(`${unitKey}#${role}`);
            takenPeople.add(`${unitKey}#${name}`);
            post = { unitRef, personId: personId || undefined, name, role, title, areas, startDate, row: number };
          }
        }
      }
    }

    if (messages.length > 0) {
      report.push({ row: number, status: 'error', messages });
      return;
    }
    if (unitIsNew && unitRef && parentRef) created.set(unitName, { key: unitName, name: unitName, category, parentRef, row: number });
    if (post) plannedPosts.push(post);
    report.push({ row: number, status: unitIsNew || post ? 'new' : postUnchanged || !unitIsNew ? 'unchanged' : 'new', messages: [] });
  });
  const errors = report.filter((r) => r.status === 'error').length;
  return errors > 0 ? { units: [], posts: [], report, errors } : { units: [...created.values()], posts: plannedPosts, report, errors: 0 };
};
