/**
 * The submissions the phases time, each counted on the pipeline (one record on `reports.events`):
 * through the gateway as a client calls it, or bare through the reports service's own code.
 */
import type { Bench } from './context.js';
import type { Pair } from './pairs.js';
import { draftBodyOf } from './records.js';
import { prepareSubmit, save, saveDraftBare, submitBare } from './reportsPath.js';

const reportPath = (pair: Pair) => `/api/units/${pair.unitId}/annual-reports/${pair.year}`;

/** `PUT …/annual-reports/{year}` with the benchmark's draft: every item of the report answered. */
export const draftViaGateway = async (bench: Bench, pair: Pair): Promise<void> => {
  await bench.api.expect('PUT', reportPath(pair), 200, { token: pair.token, body: draftBodyOf(pair.unitId, pair.year) });
  bench.pipeline.caused(1);
};

/** `POST …/annual-reports/{year}/submit`. */
export const submitViaGateway = async (bench: Bench, pair: Pair): Promise<void> => {
  await bench.api.expect('POST', `${reportPath(pair)}/submit`, 200, { token: pair.token });
  bench.pipeline.caused(1);
};

/** The draft saved by the service's adapters, without HTTP. */
export const draftBare = async (bench: Bench, pair: Pair): Promise<void> => {
  await saveDraftBare(pair.unitId, pair.year, draftBodyOf(pair.unitId, pair.year));
  bench.pipeline.caused(1);
};

/** The submit path without HTTP: three reads at once, decide, `saveReport`. */
export const submitPathBare = async (bench: Bench, pair: Pair): Promise<void> => {
  await submitBare(pair.unitId, pair.year);
  bench.pipeline.caused(1);
};

/** Reads and decides the submit now; the returned call is the write alone (`saveReport`). */
export const prepareBareWrite = async (bench: Bench, pair: Pair): Promise<() => Promise<void>> => {
  const decision = await prepareSubmit(pair.unitId, pair.year);
  return async () => {
    await save(decision);
    bench.pipeline.caused(1);
  };
};
