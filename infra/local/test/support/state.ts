import { readFileSync, writeFileSync } from 'node:fs';

/** Where the integration project's parts run; written by the global setup. */
export interface ItState {
  readonly dataDir: string;
  readonly brokers: string;
  readonly endpoint: string;
  readonly kafka: { readonly dataDir: string; readonly port: number; readonly controllerPort: number; readonly pid: number } | undefined;
  readonly dynamoPid: number | undefined;
}

export const readState = (): ItState => JSON.parse(readFileSync(process.env.IT_STATE!, 'utf8')) as ItState;

export const writeState = (state: ItState): void => writeFileSync(process.env.IT_STATE!, JSON.stringify(state));
