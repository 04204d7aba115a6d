/** `npm run setup`: fetches what the local runtime needs before its first start (the Kafka jars). */
import { Progress } from '../progress.js';
import { ensureKafkaJars } from '../kafka.js';

const progress = new Progress(1);
await ensureKafkaJars(progress.step('下载 Kafka / fetching the Kafka 3.9 jars from Maven Central'));
