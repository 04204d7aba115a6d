/**
 * `npm run --silent token -- --role <role> [--unit <unitId>]` prints a development token signed
 * with the local key, and nothing else.
 */
import { parseArgs } from 'node:util';
import { Role } from '#shared/auth/roles.js';
import { dataDir } from '../paths.js';
import { loadOrCreateKeys, signToken } from '../jwt.js';

const { values } = parseArgs({ options: { role: { type: 'string' }, unit: { type: 'string' }, sub: { type: 'string' } } });
const role = Role.safeParse(values.role);
if (!role.success) {
  process.stderr.write(`用法 / usage: npm run --silent token -- --role <${Role.options.join('|')}> [--unit <unitId>]\n`);
  process.exit(2);
}
const keys = await loadOrCreateKeys(dataDir());
process.stdout.write(`${await signToken(keys, role.data, values.unit, values.sub)}\n`);
