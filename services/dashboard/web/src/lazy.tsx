/**
 * A view whose code is a chunk of its own, loaded when the view is first opened: the talks,
 * warning notices and ledgers are used by few people, so the first load does not carry them
 * (docs/adr/0018-web-app.md keeps it small).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export const Lazy = <P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) => {
  // Kept in an object: a component is a function, which a state setter would call.
  const [loaded, setLoaded] = useState<{ readonly load: unknown; readonly View: ComponentType<P> }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    setFailed(false);
    load()
      .then((View) => !gone && setLoaded({ load, View }))
      .catch(() => !gone && setFailed(true));
    return () => {
      gone = true;
    };
  }, [load]);
  if (failed)
    return (
      <p role="alert" class="error">
        页面加载失败，请检查网络后刷新重试。
      </p>
    );
  // Another view's code until this one's is in: shown as loading, never with these props.
  if (!loaded || loaded.load !== load) return <p class="live">正在加载…</p>;
  const { View } = loaded;
  return <View {...props} />;
};
