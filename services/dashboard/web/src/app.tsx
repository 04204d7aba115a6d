/**
 * The app's frame: the header with who is signed in, the navigation, and the page of the path.
 * A person not signed in sees the sign-in page; an overseer starts on the oversight dashboard, a
 * unit's secretary or staff on the unit portal.
 */
import { useEffect, useState } from 'preact/hooks';
import { currentSession, endSession, sessionEnded, type Session } from './session.js';
import { navigate, usePath } from './router.js';
import { overseerRoles, roleNames } from './terms.js';
import { SignIn } from './pages/signIn.js';
import { Oversight } from './pages/oversight.js';
import { Portal } from './pages/portal.js';
import { callbackPath } from './config.js';
import { OidcCallback } from './pages/oidcCallback.js';
import { PrintCirculation, PrintReport } from './pages/print.js';
import { printPaths } from './paths.js';

const home = (session: Session) => (overseerRoles.includes(session.role) ? '/oversight' : '/portal');

export const App = () => {
  const path = usePath();
  const [session, setSession] = useState<Session | undefined>(currentSession);

  // A 401 ends the session anywhere; the page follows, to the sign-in page.
  useEffect(() => {
    const follow = () => setSession(currentSession());
    window.addEventListener(sessionEnded, follow);
    return () => window.removeEventListener(sessionEnded, follow);
  }, []);

  useEffect(() => {
    if (path === callbackPath) return;
    if (!session && path !== '/sign-in') navigate('/sign-in', true);
    else if (session && (path === '/' || path === '/sign-in')) navigate(home(session), true);
  }, [path, session]);

  const signedIn = (next: Session) => {
    setSession(next);
    navigate(home(next), true);
  };
  const signOut = () => {
    endSession();
    setSession(undefined);
    navigate('/sign-in', true);
  };

  if (session && path === printPaths.report) return <PrintReport />;
  if (session && path === printPaths.circulation) return <PrintCirculation />;
  return (
    <>
      <a class="skip" href="#main">跳到正文</a>
      <header class="top">
        <span class="brand">党风廉政建设责任制管理平台</span>
        {session && (
          <nav aria-label="主导航">
            <a href="/oversight" aria-current={path.startsWith('/oversight') ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate('/oversight'))}>
              监督看板
            </a>
            <a href="/portal" aria-current={path.startsWith('/portal') ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate('/portal'))}>
              本单位
            </a>
          </nav>
        )}
        {session && (
          <span class="who">
            {roleNames[session.role]}
            <button type="button" class="link" onClick={signOut}>
              退出登录
            </button>
          </span>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {path === callbackPath ? (
          <OidcCallback onSignedIn={signedIn} />
        ) : !session ? (
          <SignIn onSignedIn={signedIn} />
        ) : path.startsWith('/portal') ? (
          <Portal session={session} path={path} />
        ) : (
          <Oversight session={session} path={path} />
        )}
      </main>
    </>
  );
};
