/** Small pieces the pages share: a row of figures, a page's own navigation, a chart's host. */
import { useEffect, useRef } from 'preact/hooks';
import { navigate } from './router.js';

/** A figure: its label, its value (`—` while unknown), its tone, and the name tests and styles find it by. */
export interface Stat {
  readonly label: string;
  readonly value: number | string | undefined;
  readonly tone?: '' | 'ok' | 'warn' | 'bad';
  readonly name?: string;
}

export const StatCards = ({ stats }: { stats: readonly Stat[] }) => (
  <dl class="cards">
    {stats.map((s) => (
      <div class={`stat ${s.tone ?? ''}`} key={s.label}>
        <dt>{s.label}</dt>
        <dd data-stat={s.name}>{s.value ?? '—'}</dd>
      </div>
    ))}
  </dl>
);

/** A page's views as links, the current one marked; following one changes the path without a reload. */
export const Tabs = ({ label, views, current }: { label: string; views: ReadonlyArray<{ readonly path: string; readonly name: string }>; current: string }) => (
  <nav aria-label={label} class="tabs">
    {views.map((v) => (
      <a key={v.path} href={v.path} aria-current={v.path === current ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(v.path))}>
        {v.name}
      </a>
    ))}
  </nav>
);

/**
 * A chart drawn by a module loaded on use (`draw` answers how to dispose of it), drawn again when
 * `data` changes. The element is an image to assistive technology, described by `label`; the same
 * figures are in a table beside it.
 */
export const Chart = <T,>({ load, data, label, height }: { load: () => Promise<(host: HTMLElement, data: T) => () => void>; data: T; label: string; height?: number }) => {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void load().then((draw) => {
      if (!disposed && host.current) dispose = draw(host.current, data);
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [data]);
  return <div ref={host} class="chart" style={height ? { height: `${height}px` } : undefined} role="img" aria-label={label} />;
};
