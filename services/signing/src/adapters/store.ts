/**
 * The signing table, written through the shared store (`#shared/dynamo/store.ts`).
 *
 * Keys (one table, `pk`/`sk`):
 * - `UNITS` / `UNIT#<unitId>`: the unit tree;
 * - `UNIT#<unitId>` / `POST#<postId>`: posts, ended ones kept;
 * - `UNIT#<unitId>` / `LIST#<year>#<subject>#<postId|unit>`: responsibility lists, one per slot;
 * - `UNIT#<unitId>` / `LETTER#<year>#<letterId>#V<version>`: every version of every letter;
 * - `UNIT#<unitId>` / `PAIR#<year>#<kind>#<recipientPostId>`: the letter of a signing pair, so a
 *   pair never gets two;
 * - `LETTER#<letterId>` / `LETTER`: where a letter is and its current version;
 * - `LETTERS#<year>` / `<unitId>#<letterId>`: the year's letters at a glance, for coverage;
 * - `CHAIN#<unitId>#<year>` / `SIG#<sequence>` and `HEAD`: the signature chain.
 */
import { tableName } from '#shared/dynamo/client.js';
import { tableStore } from '#shared/dynamo/store.js';
import { topics } from '#events/topics.js';

export { againOnConflict, withoutKeys, type ItemDelete, type ItemPut } from '#shared/dynamo/store.js';

const store = tableStore(() => tableName('signing'), topics.signing);
export const { table, writeWithEvents, queryItems, getItem } = store;
