/**
 * `npm run reset` wipes the local data (Kafka log, DynamoDB Local files, stream checkpoints, the
 * local signing key). The downloaded Kafka jars are kept. Stop `npm start` first.
 */
import { readdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';
import { kafkaLibDir } from '../kafka.js';

const dir = dataDir();
if (!existsSync(dir)) {
  process.stdout.write('没有本地数据 / no local data.\n');
  process.exit(0);
}
const keep = path.resolve(kafkaLibDir());
for (const entry of readdirSync(dir)) {
  const full = path.resolve(dir, entry);
  if (full === keep) continue;
  rmSync(full, { recursive: true, force: true });
}
process.stdout.write(`本地数据已清除 / local data wiped (${dir}; the Kafka jars are kept).\n`);
