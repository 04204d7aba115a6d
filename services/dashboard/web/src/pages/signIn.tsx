/**
 * The sign-in page. Locally it is the development sign-in: pick a unit, then a person in one of its
 * posts or a role, each explained; in AWS it sends the browser to the configured OpenID provider.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, get, request } from '../api.js';
import { appConfig, type AuthConfig } from '../config.js';
import { startSession, type Session } from '../session.js';
import { roleDuties, roleNames, type Role } from '../terms.js';

interface Unit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

interface Person {
  readonly personId: string;
  readonly name: string;
  readonly post: string;
  readonly role: Role;
}

const postNames: Record<string, string> = { secretary: '书记', teamMember: '班子成员', disciplineChief: '纪检负责人' };
const roles = Object.keys(roleNames) as Role[];

/** The units as a tree in reading order, each with its depth. */
const inTreeOrder = (units: readonly Unit[]): Array<Unit & { depth: number }> => {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const siblings = children.get(u.parentId);
    if (siblings) siblings.push(u);
    else children.set(u.parentId, [u]);
  }
  const known = new Set(units.map((u) => u.id));
  const out: Array<Unit & { depth: number }> = [];
  const walk = (u: Unit, depth: number) => {
    out.push({ ...u, depth });
    for (const c of children.get(u.id) ?? []) walk(c, depth + 1);
  };
  for (const root of units.filter((u) => u.parentId === null || !known.has(u.parentId))) walk(root, 0);
  return out;
};

const DevelopmentSignIn = ({ onSignedIn }: { onSignedIn: (session: Session) => void }) => {
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitId, setUnitId] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [choice, setChoice] = useState<string>('role:discipline_inspector');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<{ units: Unit[] }>('/_local/sign-in')
      .then(({ units }) => {
        setUnits(units);
        setUnitId(units.find((u) => u.parentId === null)?.id ?? '');
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, '单位列表加载失败。')));
  }, []);
  // The people of the unit picked last: an answer for a unit picked before (the root, shown first)
  // that comes after is dropped, not shown as this unit's.
  useEffect(() => {
    setPeople([]);
    if (!unitId) return;
    const controller = new AbortController();
    get<{ people: Person[] }>(`/_local/sign-in/units/${encodeURIComponent(unitId)}/people`, controller.signal)
      .then(({ people }) => setPeople(people))
      .catch(() => undefined);
    return () => controller.abort();
  }, [unitId]);
  const ordered = useMemo(() => inTreeOrder(units), [units]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const [kind, value] = choice.split(':') as ['role' | 'person', string];
    const person = kind === 'person' ? people.find((p) => p.personId === value) : undefined;
    const role = person?.role ?? (value as Role);
    try {
      const { token } = await request<{ token: string }>('POST', '/_local/sign-in', { role, ...(role === 'admin' ? {} : { unitId }), ...(person ? { personId: person.personId } : {}) });
      const session = startSession(token);
      if (session) onSignedIn(session);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, '登录失败。'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-describedby="sign-in-help">
      <h1>登录（本地开发环境）</h1>
      <p id="sign-in-help">
        这是本地运行时的开发登录页：选择一个单位，再选择该单位任职的人员或一个角色，即以其身份进入。正式环境通过统一身份认证（OIDC）登录，没有此页面。
      </p>
      <div class="field">
        <label for="unit">单位</label>
        <select id="unit" value={unitId} onChange={(e) => setUnitId((e.target as HTMLSelectElement).value)} aria-describedby={error?.fieldMessage('unitId') ? 'unit-error' : undefined}>
          {ordered.map((u) => (
            <option key={u.id} value={u.id}>
              {'　'.repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </select>
        {error?.fieldMessage('unitId') && (
          <p id="unit-error" class="error">
            {error.fieldMessage('unitId')}
          </p>
        )}
      </div>
      <fieldset>
        <legend>以谁的身份登录</legend>
        {people.map((p) => (
          <label class="choice" key={p.personId}>
            <input type="radio" name="who" value={`person:${p.personId}`} checked={choice === `person:${p.personId}`} onChange={() => setChoice(`person:${p.personId}`)} />
            <span>
              <strong>
                {p.name}（{postNames[p.post] ?? p.post}）
              </strong>
              <small>以“{roleNames[p.role]}”登录：{roleDuties[p.role]}</small>
            </span>
          </label>
        ))}
        {roles.map((role) => (
          <label class="choice" key={role}>
            <input type="radio" name="who" value={`role:${role}`} checked={choice === `role:${role}`} onChange={() => setChoice(`role:${role}`)} />
            <span>
              <strong>{roleNames[role]}</strong>
              <small>{roleDuties[role]}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {error && !error.fieldMessage('unitId') && (
        <p role="alert" class="error">
          {error.message}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
    </form>
  );
};

const OidcSignIn = ({ auth }: { auth: Extract<AuthConfig, { mode: 'oidc' }> }) => {
  const [error, setError] = useState<string>();
  const begin = async () => {
    try {
      const { beginSignIn } = await import('../oidc.js');
      await beginSignIn(auth.issuer, auth.clientId, auth.scope);
    } catch {
      setError('无法连接统一身份认证服务，请稍后重试。');
    }
  };
  return (
    <section class="card narrow">
      <h1>登录</h1>
      <p>使用统一身份认证账号登录。登录后，系统按您的角色和所在单位显示可办理的事项和可查看的范围。</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="button" class="primary" onClick={() => void begin()}>
        统一身份认证登录
      </button>
    </section>
  );
};

export const SignIn = ({ onSignedIn }: { onSignedIn: (session: Session) => void }) => {
  const [auth, setAuth] = useState<AuthConfig>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    appConfig()
      .then((config) => setAuth(config.auth))
      .catch(() => setFailed(true));
  }, []);
  if (failed) return <p role="alert" class="error">无法读取系统配置，请刷新页面重试。</p>;
  if (!auth) return <p aria-busy="true">正在加载…</p>;
  return (
    <>
      {auth.mode === 'oidc' ? <OidcSignIn auth={auth} /> : <DevelopmentSignIn onSignedIn={onSignedIn} />}
      <p class="public-links">
        群众投诉监督无需登录：<a href="/api/public/site/complaint">我要投诉</a> · <a href="/api/public/site/lookup">查询办理进度</a>
      </p>
    </>
  );
};
