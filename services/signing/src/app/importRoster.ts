import { v7 as uuidv7 } from 'uuid';
import type { Caller } from '#shared/auth/claims.js';
import type { TreePosition } from '#shared/auth/reach.js';
import type { Causation } from '#events/envelope.js';
import { RuleError } from '#shared/errors.js';
import { actorOf } from '../domain/actor.js';
import type { Post } from '../domain/posts.js';
import { planRoster, type RowReport } from '../domain/roster.js';
import type { Unit } from '../domain/unit.js';
import { postPut, postsRevision, postsRevisionPut, unitPosts } from '../adapters/postRepository.js';
import { readCsv, readXlsx } from '#shared/files/tableFile.js';
import { writeWithEvents } from '../adapters/store.js';
import { listUnits, unitDirectory, unitPut } from '../adapters/unitRepository.js';
import type { ImportRosterBody } from '../schemas.js';
import { signingEvent } from './events.js';

/** Rows one file may hold. */
export const maxRosterRows = 10_000;
/** Units, and posts, written per transaction (each with its event; a transaction holds 100 items). */
const unitsPerWrite = 40;
const postsPerWrite = 30;

export interface RosterResult {
  readonly dryRun: boolean;
  readonly units: number;
  readonly posts: number;
  readonly unchanged: number;
  readonly report: readonly RowReport[];
}

/**
 * Imports a roster below `root`: every row checked first (any error: 422 naming each bad row, and
 * nothing written); then the new units, parents first, and the new posts, in transactions of a few
 * dozen, each with its events. Rows already in the system are unchanged, so a second import of the
 * same file writes nothing, and an import cut short by a failure is completed by running it again.
 */
export const importRoster = async (caller: Caller, root: TreePosition, body: ImportRosterBody, now: Date, cause: Causation): Promise<RosterResult> => {
  const table = body.format === 'csv' ? readCsv(body.content) : await readXlsx(body.content);
  if (table.length - 1 > maxRosterRows) throw new RuleError(`A roster holds at most ${maxRosterRows} rows`, [{ path: 'content', message: `每次最多导入 ${maxRosterRows} 行` }]);
  const tree = (await listUnits()).filter((u) => u.id === root.id || u.ancestorIds.includes(root.id));
  const posts = (await Promise.all(tree.map((u) => unitPosts(u.id)))).flat();
  const plan = planRoster(table, root.id, tree, posts);
  if (plan.errors > 0) {
    throw new RuleError(
      `${plan.errors} row(s) of the roster are not valid; nothing was imported`,
      plan.report.filter((r) => r.status === 'error').map((r) => ({ path: `第${r.row}行`, message: r.messages.join('；') })),
    );
  }
  const unchanged = plan.report.filter((r) => r.status === 'unchanged').length;
  if (body.dryRun) return { dryRun: true, units: plan.units.length, posts: plan.posts.length, unchanged, report: plan.report };

  // Units, parents first (a new unit's parent is on an earlier row, so already written).
  const positions = new Map<string, TreePosition>(tree.map((u) => [u.id, u]));
  const ids = new Map<string, string>();
  const refId = (ref: { known: string } | { created: string }) => ('known' in ref ? ref.known : ids.get(ref.created)!);
  for (let i = 0; i < plan.units.length; i += unitsPerWrite) {
    const units: Unit[] = plan.units.slice(i, i + unitsPerWrite).map((planned) => {
      const parent = positions.get(refId(planned.parentRef))!;
      const unit: Unit = { id: uuidv7(), name: planned.name, parentId: parent.id, category: planned.category, ancestorIds: [...parent.ancestorIds, parent.id], version: 1 };
      ids.set(planned.key, unit.id);
      positions.set(unit.id, unit);
      return unit;
    });
    const events = units.map((u) =>
      signingEvent('signing.UnitRegistered.v1', { subject: u.id, unitId: u.id, version: 1 }, { unitId: u.id, name: u.name, parentId: u.parentId, category: u.category, ancestorIds: [...u.ancestorIds], actor: actorOf(caller) }, cause, now),
    );
    await writeWithEvents(units.map(unitPut), events, now, 'A unit of the roster was registered meanwhile; import again');
  }
  unitDirectory.forget([...ids.values()]);

  // Posts, a few dozen a time, each unit's post counter moved on once per transaction.
  for (let i = 0; i < plan.posts.length; i += postsPerWrite) {
    const chunk = plan.posts.slice(i, i + postsPerWrite).map(
      (planned): Post => ({
        postId: uuidv7(),
        unitId: refId(planned.unitRef),
        personId: planned.personId ?? uuidv7(),
        name: planned.name,
        role: planned.role,
        title: planned.title,
        portfolio: { areas: [...planned.areas], unitIds: [] },
        startDate: planned.startDate,
        endDate: null,
        version: 1,
      }),
    );
    const unitIds = [...new Set(chunk.map((p) => p.unitId))];
    const revisions = await Promise.all(unitIds.map((id) => postsRevision(id)));
    const events = chunk.map(({ version: _version, endDate: _endDate, ...post }) =>
      signingEvent('signing.PersonAssigned.v1', { subject: post.postId, unitId: post.unitId, version: 1 }, { ...post, actor: actorOf(caller) }, cause, now),
    );
    await writeWithEvents([...chunk.map(postPut), ...unitIds.map((id, n) => postsRevisionPut(id, revisions[n]!))], events, now, 'The posts of a unit of the roster changed meanwhile; import again');
  }
  return { dryRun: false, units: plan.units.length, posts: plan.posts.length, unchanged, report: plan.report };
};
