/** Where the OpenID provider sends the browser back: the code is exchanged for the ID token. */
import { useEffect, useState } from 'preact/hooks';
import { appConfig } from '../config.js';
import { startSession, type Session } from '../session.js';

export const OidcCallback = ({ onSignedIn }: { onSignedIn: (session: Session) => void }) => {
  const [error, setError] = useState<string>();
  useEffect(() => {
    void (async () => {
      try {
        const { auth } = await appConfig();
        if (auth.mode !== 'oidc') throw new Error('not configured');
        const { completeSignIn } = await import('../oidc.js');
        const session = startSession(await completeSignIn(auth.issuer, auth.clientId));
        if (!session) throw new Error('no role');
        onSignedIn(session);
      } catch {
        setError('登录未完成：身份凭证无效或已过期，或账号未分配角色。请重新登录，如仍不成功请联系系统管理员。');
      }
    })();
  }, []);
  return (
    <section class="card narrow">
      <h1>正在登录…</h1>
      {error && (
        <p role="alert" class="error">
          {error} <a href="/sign-in">返回登录页</a>
        </p>
      )}
    </section>
  );
};
