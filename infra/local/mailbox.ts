/**
 * The local stand-in of email and SMS: the reports service's `local` notifiers write every message
 * to a folder beside the data, and the gateway shows them at the development-only page
 * `/_local/mailbox.html`. The page itself holds nothing; it reads `GET /_local/mailbox` with an admin
 * token (`npm run token`), as every development endpoint does.
 */
import path from 'node:path';
import { readCaptured } from '#services/reports/src/adapters/notify/localCapture.js';

/** The folder the local notifiers write to. */
export const mailboxDir = (dataDir: string): string => path.join(dataDir, 'mailbox');

/** The newest captured emails and SMS, for `GET /_local/mailbox`. */
export const readMailbox = async (dir: string, limit = 200) => ({
  email: await readCaptured(dir, limit, 'email'),
  sms: await readCaptured(dir, limit, 'sms'),
});

/** The page at `/_local/mailbox.html`: a token field, then the two lists, newest first. */
export const mailboxPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>本地邮件与短信（开发用）</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; font-size: .9rem; }
th { background: #f4f4f4; } .note { color: #666; font-size: .9rem; } .error { color: #b00; }
</style>
</head>
<body>
<h1>本地邮件与短信（开发用）</h1>
<p class="note">本地运行时，提醒与督办的邮件和短信不外发，记录在此。请粘贴管理员令牌（<code>npm run token</code>）后查看。</p>
<form id="f"><input id="t" size="60" placeholder="管理员令牌"> <button>查看</button></form>
<p id="status" class="note"></p>
<h2>短信</h2><table><thead><tr><th>时间</th><th>号码</th><th>内容</th><th>字数</th></tr></thead><tbody id="sms"></tbody></table>
<h2>邮件</h2><table><thead><tr><th>时间</th><th>收件人</th><th>主题</th><th>正文</th></tr></thead><tbody id="email"></tbody></table>
<script>
const cell = (text) => { const td = document.createElement('td'); td.textContent = text; return td; };
const row = (values) => { const tr = document.createElement('tr'); values.forEach((v) => tr.appendChild(cell(v))); return tr; };
async function load() {
  const token = sessionStorage.getItem('token') || '';
  if (!token) return;
  const status = document.getElementById('status');
  const res = await fetch('/_local/mailbox', { headers: { authorization: 'Bearer ' + token } });
  if (!res.ok) { status.className = 'error'; status.textContent = '读取失败（' + res.status + '）：请检查令牌是否为整棵树的管理员令牌'; return; }
  const box = await res.json();
  status.className = 'note'; status.textContent = '短信 ' + box.sms.length + ' 条，邮件 ' + box.email.length + ' 封';
  document.getElementById('sms').replaceChildren(...box.sms.map((m) => row([m.at, m.to, m.text, String([...m.text].length)])));
  document.getElementById('email').replaceChildren(...box.email.map((m) => row([m.at, m.to, m.subject, m.text])));
}
document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); sessionStorage.setItem('token', document.getElementById('t').value.trim()); load(); });
load();
</script>
</body>
</html>
`;
