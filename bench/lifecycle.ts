/**
 * Everything the benchmark starts is stopped once, whatever ends the run: success, a failure,
 * Ctrl-C (SIGINT/SIGTERM) or the watchdog. Stops run in the reverse order of `defer`.
 */

/** Registers stops and runs the benchmark's main function under them. */
export interface Lifecycle {
  /** Runs `close` when the run ends; later registrations run first. A failing close is ignored. */
  defer(close: () => Promise<unknown>): void;
  /**
   * Runs `main`, then every deferred close, and exits: 0 on success, 1 on failure or when the
   * watchdog fires after `watchdogMs`, 130 on a signal.
   */
  run(main: () => Promise<void>, watchdogMs: number): Promise<never>;
}

/** A lifecycle that logs through `log`. */
export const lifecycle = (log: (line: string) => void): Lifecycle => {
  const closers: Array<() => Promise<unknown>> = [];
  let cleaning: Promise<void> | undefined;
  let signalled = false;

  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      for (const close of closers.reverse()) {
        await close().catch((error: unknown) => log(`stopping: ${String(error)}`));
      }
    })());

  const finish = async (code: number): Promise<never> => {
    await cleanup();
    process.exit(signalled ? 130 : code);
  };

  return {
    defer: (close) => {
      closers.push(close);
    },
    run: async (main, watchdogMs) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.on(signal, () => {
          if (signalled) return;
          signalled = true;
          log(`\n${signal}: stopping …`);
          void finish(130);
        });
      }
      const watchdog = setTimeout(() => {
        log(`The benchmark did not finish within ${Math.round(watchdogMs / 1000)} s; stopping.`);
        void finish(1);
      }, watchdogMs);
      try {
        await main();
        clearTimeout(watchdog);
        return await finish(0);
      } catch (error) {
        clearTimeout(watchdog);
        if (!signalled) log(`\nbenchmark failed: ${(error as Error).stack ?? String(error)}`);
        return await finish(1);
      }
    },
  };
};
