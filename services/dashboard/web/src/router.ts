/** The app's few paths, on the History API: `navigate` moves, `usePath` follows. */
import { useEffect, useState } from 'preact/hooks';

const changed = 'cg:navigate';

export const navigate = (path: string, replace = false): void => {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(changed));
};

export const usePath = (): string => {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const follow = () => setPath(location.pathname);
    window.addEventListener('popstate', follow);
    window.addEventListener(changed, follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(changed, follow);
    };
  }, []);
  return path;
};
