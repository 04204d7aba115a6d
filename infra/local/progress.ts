/**
 * Progress lines for `npm start`, `npm run setup` and `npm run bench`: each step says what it is doing and how far along it is. On a
 * terminal the current step redraws in place; elsewhere (CI logs) each update is a line of its own.
 */
/** One step under way: how far it is, then done or failed. */
export interface Step {
  update(detail: string): void;
  done(detail?: string): void;
  fail(detail: string): void;
}

const tty = process.stdout.isTTY === true;

/** Numbered steps, `[i/total] title`, written to standard output. */
export class Progress {
  private index = 0;
  constructor(private readonly total: number) {}

  /** Starts the next step. */
  step(title: string): Step {
    this.index++;
    const prefix = `[${this.index}/${this.total}] ${title}`;
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const write = (line: string, final: boolean) => {
      if (tty) process.stdout.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
      else if (final) process.stdout.write(`${line}\n`);
    };
    let lastLogged = 0;
    write(`${prefix} …`, false);
    return {
      update: (detail) => {
        // Outside a terminal, at most one line every 2 seconds.
        if (!tty && Date.now() - lastLogged < 2000) return;
        lastLogged = Date.now();
        if (tty) write(`${prefix} … ${detail} (${elapsed()})`, false);
        else process.stdout.write(`${prefix} … ${detail} (${elapsed()})\n`);
      },
      done: (detail) => write(`${prefix} ✓ ${detail ?? ''} (${elapsed()})`, true),
      fail: (detail) => write(`${prefix} ✗ ${detail}`, true),
    };
  }
}
