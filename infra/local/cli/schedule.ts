/**
 * `npm run schedule -- <function> --at <ISO time>` fires a scheduled function of the running system
 * (`npm start`) as if its schedule came due at that time.
 */
import { parseArgs } from 'node:util';
import { dataDir } from '../paths.js';
import { loadOrCreateKeys, signToken } from '../jwt.js';
import { httpClient } from '../support/httpClient.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } });
const [name] = positionals;
if (!name) {
  process.stderr.write('用法 / usage: npm run schedule -- <function> [--at <ISO time>]   e.g. reports-runDeadlines --at 2027-01-24T09:00:00+08:00\n');
  process.exit(2);
}
const base = `http://localhost:${process.env.PORT ?? 3000}`;
try {
  const token = await signToken(await loadOrCreateKeys(dataDir()), 'admin');
  const client = httpClient(base);
  const answer = await client.request('POST', '/_local/schedule', { token, body: { function: name, ...(values.at ? { at: values.at } : {}) } });
  client.close();
  process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
  process.exit(answer.status === 200 ? 0 : 1);
} catch {
  process.stderr.write(`系统未运行 / nothing answers at ${base}/_local/schedule: start it with npm start first.\n`);
  process.exit(1);
}
