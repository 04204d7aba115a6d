/**
 * Responsibility lists (定责) of a unit and year: one for the committee (main responsibility), one
 * for the first responsible person, one for each team member (一岗双责, items tied to their
 * portfolio) and one for the discipline commission (supervisory responsibility). A list starts from
 * its unit category's template, is edited by the unit, and is published; a published version is
 * frozen, and an edit after publication starts the next version. Item ids never change, so report
 * sections built from an item can answer it across versions. Pure rules, no I/O.
 */
import type { ListItem, ListSubject } from '#events/signing/parts.js';
import { ConflictError, RuleError } from '#shared/errors.js';
import type { ListTemplate } from '../config.js';
import type { Post } from './posts.js';

export interface ResponsibilityList {
  readonly listId: string;
  readonly unitId: string;
  readonly year: number;
  readonly subject: ListSubject;
  /** The post the list is for (the secretary's, a team member's); null for the committee and the commission. */
  readonly postId: string | null;
  readonly personId: string | null;
  readonly status: 'draft' | 'published';
  /** The version the items are: the last published one, or the next one while a draft. */
  readonly version: number;
  readonly items: readonly ListItem[];
  /** The last published version, which letters are made from while a later draft is edited. */
  readonly published: { readonly version: number; readonly items: readonly ListItem[] } | null;
  /** Counts every change, for optimistic writes. */
  readonly revision: number;
}

/** Which post roles a subject's list is for, if any. */
const subjectPostRoles: Readonly<Record<ListSubject, readonly Post['role'][] | null>> = {
  committee: null,
  disciplineCommission: null,
  firstResponsiblePerson: ['secretary'],
  teamMember: ['deputySecretary', 'teamMember', 'disciplineChief'],
};

/** The subjects in Chinese. */
export const subjectNames: Readonly<Record<ListSubject, string>> = {
  committee: '党委（党组）主体责任清单',
  firstResponsiblePerson: '第一责任人责任清单',
  teamMember: '班子成员“一岗双责”责任清单',
  disciplineCommission: '纪委（纪检组）监督责任清单',
};

/** The template's items for a subject, a team member's `{area}` items once per area of the portfolio. */
export const templateItems = (template: ListTemplate, subject: ListSubject, post: Post | undefined): Array<{ text: string; area: string | null }> =>
  (template.items[subject] ?? []).flatMap((text) => {
    if (!text.includes('{area}')) return [{ text, area: null }];
    const areas = post?.portfolio.areas.length ? post.portfolio.areas : ['分管'];
    return areas.map((area) => ({ text: text.replaceAll('{area}', area), area: post?.portfolio.areas.length ? area : null }));
  });

export interface CreateList {
  readonly listId: string;
  readonly unitId: string;
  readonly year: number;
  readonly subject: ListSubject;
  /** The post, for a subject that has one. */
  readonly post: Post | undefined;
}

/**
 * Decides a new draft list from a template. `existing` are the unit's lists of the year; there is
 * one list per subject (and per post for team members). `newItemId` gives fresh item ids.
 */
export const decideCreateList = (
  command: CreateList,
  template: ListTemplate,
  existing: readonly ResponsibilityList[],
  newItemId: () => string,
): ResponsibilityList => {
  const roles = subjectPostRoles[command.subject];
  if (roles === null && command.post) throw new RuleError('This subject’s list is not for a post', [{ path: 'postId', message: '该责任主体的清单不对应具体岗位' }]);
  if (roles !== null && (!command.post || !roles.includes(command.post.role))) {
    throw new RuleError('This subject’s list needs a post of a matching role in the unit', [{ path: 'postId', message: '须指定本单位相应岗位' }]);
  }
  const postId = command.post?.postId ?? null;
  const twin = existing.find((l) => l.subject === command.subject && l.postId === postId);
  if (twin) throw new ConflictError(`The unit already has this list for ${command.year} (${twin.listId})`);
  const items = templateItems(template, command.subject, command.post).map(({ text, area }) => ({ itemId: newItemId(), text, area }));
  if (items.length === 0) throw new RuleError('The unit category’s template has no items for this subject; add them by editing', []);
  return { ...command, postId, personId: command.post?.personId ?? null, status: 'draft', version: 1, items, published: null, revision: 1 };
};

/** An item as an edit sends it: an existing item keeps its id, a new one has none. */
export interface EditedItem {
  readonly itemId?: string | undefined;
  readonly text: string;
  readonly area?: string | null | undefined;
}

/** Decides an edit of the items. After publication, the edit starts the next version as a draft. */
export const decideEditList = (list: ResponsibilityList, items: readonly EditedItem[], newItemId: () => string): ResponsibilityList => {
  const known = new Set(list.items.map((i) => i.itemId));
  const errors = items.flatMap((item, index) =>
    item.itemId !== undefined && !known.has(item.itemId) ? [{ path: `items.${index}.itemId`, message: '清单中没有该事项' }] : [],
  );
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.itemId === undefined) return;
    if (seen.has(item.itemId)) errors.push({ path: `items.${index}.itemId`, message: '事项重复' });
    seen.add(item.itemId);
  });
  if (errors.length > 0) throw new RuleError('Some items are not items of this list', errors);
  // An item that leaves its area out keeps the one it had; `null` clears it.
  const areaOf = (item: EditedItem) => (item.area !== undefined ? item.area : (list.items.find((i) => i.itemId === item.itemId)?.area ?? null));
  const next = items.map((item) => ({ itemId: item.itemId ?? newItemId(), text: item.text, area: areaOf(item) }));
  return {
    ...list,
    items: next,
    status: 'draft',
    version: list.status === 'published' ? list.version + 1 : list.version,
    revision: list.revision + 1,
  };
};

/** Decides publication: the draft becomes the published version, frozen. */
export const decidePublishList = (list: ResponsibilityList): ResponsibilityList => {
  if (list.status === 'published') throw new ConflictError(`Version ${list.version} of the list is already published; edit it to start the next`);
  return { ...list, status: 'published', published: { version: list.version, items: list.items }, revision: list.revision + 1 };
};
