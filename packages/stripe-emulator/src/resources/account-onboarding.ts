// The hosted onboarding stand-in: the page an account link's `url` opens. The payee enters a name, business
// type and what they sell, accepts the terms, and submits; the account then has its details submitted, its
// requested capabilities active, charges and payouts enabled, no requirements left, and `account.updated` goes
// to Connect webhook endpoints. Then the browser goes to the link's `return_url`. An expired or used link goes
// to `refresh_url` instead, as Stripe's do (the platform makes a fresh link there).
import type { ServerResponse } from 'node:http';
import type { Emulator } from '../emulator.js';
import { diffAttributes } from '../core/events.js';
import { runOutsideRequest } from '../core/context.js';
import { parseForm } from '../http/form.js';
import { accountsCollection } from '../connect/collections.js';
import { completeOnboarding } from '../connect/accounts.js';
import { accountLinksCollection, type StoredAccountLink } from '../connect/account-links.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

function redirect(res: ServerResponse, url: string): void {
  res.statusCode = 303;
  res.setHeader('Location', url);
  res.end();
}

interface FormValues {
  business_name: string;
  business_type: string;
  product_description: string;
}

function page(link: StoredAccountLink, accountEmail: string | null, values: FormValues, error: string | null): string {
  const checked = (type: string) => (values.business_type === type ? ' checked' : '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Onboarding — Stripe emulator</title>
<style>
 body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;color:#1a1f36}
 main{max-width:460px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.08);padding:32px}
 h1{font-size:20px;margin:0 0 4px} p.sub{color:#697386;margin:0 0 24px;font-size:14px}
 label{display:block;font-size:14px;margin:16px 0 6px;font-weight:600}
 input[type=text],textarea{width:100%;box-sizing:border-box;padding:8px 10px;border:1px solid #cfd7df;border-radius:6px;font:inherit}
 .radio{font-weight:400;display:inline-flex;gap:6px;margin-right:16px}
 .terms{font-weight:400;display:flex;gap:8px;align-items:flex-start;margin-top:20px}
 .error{background:#fde8e8;color:#a41c1c;padding:10px 12px;border-radius:6px;font-size:14px}
 button{margin-top:24px;width:100%;padding:10px;background:#635bff;color:#fff;border:0;border-radius:6px;font-size:16px;cursor:pointer}
 small{color:#697386}
</style></head>
<body><main>
<h1>Set up payouts / 入金の設定</h1>
<p class="sub">Stripe emulator — onboarding for ${escapeHtml(link.account)}${accountEmail ? ` (${escapeHtml(accountEmail)})` : ''}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
 <label for="business_name">Legal name or business name / 氏名または事業者名</label>
 <input type="text" id="business_name" name="business_name" value="${escapeHtml(values.business_name)}" autocomplete="name">
 <label>Business type / 事業形態</label>
 <span class="radio"><input type="radio" id="type_individual" name="business_type" value="individual"${checked('individual')}><label for="type_individual" style="display:inline;font-weight:400;margin:0">Individual / 個人</label></span>
 <span class="radio"><input type="radio" id="type_company" name="business_type" value="company"${checked('company')}><label for="type_company" style="display:inline;font-weight:400;margin:0">Company / 法人</label></span>
 <label for="product_description">What you do / 業務内容</label>
 <textarea id="product_description" name="product_description" rows="2">${escapeHtml(values.product_description)}</textarea>
 <label class="terms"><input type="checkbox" id="tos" name="tos_acceptance" value="accepted"><span>I agree to the Stripe Connected Account Agreement. / Stripe Connected Account 契約に同意します。<br><small>Test mode: no real account is created.</small></span></label>
 <button type="submit">Agree and submit / 同意して送信</button>
</form>
</main></body></html>`;
}

/** The link if it can still be used now; null sends the browser to `refresh_url`. */
function usableLink(emu: Emulator, token: string): StoredAccountLink | null | undefined {
  const link = emu.store.get(accountLinksCollection, token);
  if (!link) return undefined;
  if (link.used || emu.clock.wallNow() >= link.expires_at || !emu.store.has(accountsCollection, link.account)) return null;
  return link;
}

function expired(emu: Emulator, res: ServerResponse, token: string): void {
  const link = emu.store.get(accountLinksCollection, token);
  if (link?.refresh_url) return redirect(res, link.refresh_url);
  send(res, 410, '<!doctype html><meta charset="utf-8"><title>Link expired</title><p>This onboarding link has expired or was already used. Ask the platform for a new one.</p>');
}

export function registerAccountOnboarding(emu: Emulator): void {
  emu.router.raw('GET', '/connect/onboarding/:token', ({ path }, res) => {
    const link = usableLink(emu, path.token);
    if (link === undefined) return send(res, 404, '<!doctype html><meta charset="utf-8"><title>Not found</title><p>No such onboarding link.</p>');
    if (link === null) return expired(emu, res, path.token);
    const account = emu.store.get(accountsCollection, link.account);
    send(res, 200, page(link, account?.email ?? null, { business_name: account?.business_profile?.name ?? '', business_type: account?.business_type ?? 'individual', product_description: '' }, null));
  });

  emu.router.raw('POST', '/connect/onboarding/:token', ({ path, body, req }, res) => {
    const link = usableLink(emu, path.token);
    if (link === undefined) return send(res, 404, '<!doctype html><meta charset="utf-8"><title>Not found</title><p>No such onboarding link.</p>');
    if (link === null) return expired(emu, res, path.token);
    const form = parseForm(body);
    const text = (key: string): string => (typeof form[key] === 'string' ? form[key].trim() : '');
    const values: FormValues = { business_name: text('business_name'), business_type: text('business_type'), product_description: text('product_description') };
    const account = emu.store.get(accountsCollection, link.account);
    const problem =
      values.business_name === '' ? 'Enter your name or business name. / 氏名または事業者名を入力してください。'
      : values.business_type !== 'individual' && values.business_type !== 'company' ? 'Choose a business type. / 事業形態を選択してください。'
      : text('tos_acceptance') !== 'accepted' ? 'Accept the agreement to continue. / 続行するには契約に同意してください。'
      : null;
    if (problem || !account) return send(res, 400, page(link, account?.email ?? null, values, problem ?? 'No such account.'));
    const forwarded = req.headers['x-forwarded-for'];
    const ip = (typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : req.socket.remoteAddress) ?? '127.0.0.1';
    const userAgent = typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null;
    // One transaction, outside any API request: the event carries `request: { id: null }`, as a dashboard action.
    runOutsideRequest(() =>
      emu.store.transaction(() => {
        const after = completeOnboarding(account, {
          businessName: values.business_name,
          businessType: values.business_type === 'company' ? 'company' : 'individual',
          productDescription: values.product_description || 'Services',
          ip,
          userAgent,
          at: emu.clock.wallNow(),
        });
        emu.store.update(accountsCollection, account.id, () => after);
        emu.store.update(accountLinksCollection, link.id, (cur) => ({ ...cur, used: true }));
        emu.events.emit('account.updated', after, { previousAttributes: diffAttributes(account, after), account: account.id });
      }),
    );
    if (link.return_url) return redirect(res, link.return_url);
    send(res, 200, '<!doctype html><meta charset="utf-8"><title>Done</title><p>Onboarding complete. You can close this page.</p>');
  });
}
