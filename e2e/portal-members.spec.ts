import type { Browser, Page } from '@playwright/test';
import { expect, signInByMagicLink, test, uniqueEmail, waitForMail } from './fixtures';

async function invite(page: Page, organizationId: string, email: string, role: 'Owner' | 'Billing manager' | 'Member'): Promise<number> {
  await page.goto(`/orgs/${organizationId}/members`);
  const form = page.getByTestId('invite-form');
  const since = Date.now();
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation sent to ${email}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('invitations-list')).toContainText(email);
  return since;
}

/** The invited person opens the emailed link, signs in with the invited address, and lands in the organization. */
async function acceptInvitation(browser: Browser, baseURL: string | undefined, email: string, organizationId: string, since: number, inviterPage: Page) {
  const mail = await waitForMail(inviterPage, email, since);
  expect(mail.subject).toContain('You are invited to');
  const link = mail.links.find((l) => l.includes('/sign-in'));
  expect(link).toBeTruthy();
  const callbackPath = new URL(link!).searchParams.get('callbackUrl');
  expect(callbackPath).toBe(`/orgs/${organizationId}`);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInByMagicLink(page, email, { callbackPath: callbackPath! });
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}$`));
  return page;
}

test('[customer] invites a billing manager who joins on sign-in; the last owner cannot leave', async ({ customer, browser, baseURL }) => {
  const { page, organizationId } = customer;
  const email = uniqueEmail('billing');
  const since = await invite(page, organizationId, email, 'Billing manager');

  const invitee = await acceptInvitation(browser, baseURL, email, organizationId, since, page);
  await expect(invitee.getByTestId('org-name')).toHaveText(customer.organizationName);
  await invitee.context().close();

  await page.reload();
  const members = page.getByTestId('members-list');
  await expect(members.getByRole('listitem').filter({ hasText: email })).toContainText('Billing manager');
  await expect(page.getByTestId('invitations-list')).toHaveCount(0);

  // The only owner can neither demote nor remove themselves.
  const me = members.getByRole('listitem').filter({ hasText: customer.email });
  await me.getByRole('button', { name: 'Remove' }).click();
  await expect(me.getByRole('alert')).toHaveText('An organization needs at least one owner. Make someone else an owner first.');
  await me.getByLabel(`Role of ${customer.email}`).selectOption({ label: 'Member' });
  await me.getByRole('button', { name: 'Change role' }).click();
  await expect(me.getByRole('alert')).toHaveText('An organization needs at least one owner. Make someone else an owner first.');
  await page.reload();
  await expect(members.getByRole('listitem').filter({ hasText: customer.email })).toContainText('Owner');

  // Removing the billing manager works and shows in the activity.
  const them = members.getByRole('listitem').filter({ hasText: email });
  await them.getByRole('button', { name: 'Remove' }).click();
  await expect(members.getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
  await page.goto(`/orgs/${organizationId}/activity`);
  const activity = page.getByTestId('activity-table');
  await expect(activity.getByRole('row', { name: /Member removed/ })).toBeVisible();
  await expect(activity.getByRole('row', { name: /Member joined/ })).toContainText(email);
  await expect(activity.getByRole('row', { name: /Member invited/ })).toContainText(email);

  // Usage API keys, from the navigation: created and shown once, it reports usage; revoked, it is refused.
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await page.getByTestId('create-api-key-form').getByLabel('Name').fill('Device fleet');
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-api-key-value');
  await expect(shown).toHaveValue(/^sk_usage_[0-9a-f]{8}[A-Za-z0-9]{32}$/);
  const key = await shown.inputValue();
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const report = () =>
    page.request.post('/api/v1/usage-events', {
      headers: { authorization: `Bearer ${key}` },
      data: { events: [{ meter: 'device_hours', value: 1, identifier: `e2e-${Date.now()}` }] },
    });
  const accepted = await report();
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toEqual({ accepted: 1, duplicates: 0 });

  await page.reload();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(key);
  const row = page.getByTestId('api-key-row').filter({ hasText: 'Device fleet' });
  await expect(row).toContainText(key.slice(0, 17));
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(row).toContainText('Revoked');
  expect((await report()).status()).toBe(401);
});

test('[member] cannot change the plan or billing details', async ({ customer, browser, baseURL }) => {
  const { page, organizationId } = customer;
  const email = uniqueEmail('member');
  const since = await invite(page, organizationId, email, 'Member');
  const member = await acceptInvitation(browser, baseURL, email, organizationId, since, page);
  try {
    await member.goto(`/orgs/${organizationId}/plans`);
    await expect(member.getByText('Only owners and billing managers can change the plan.', { exact: false })).toBeVisible();
    await expect(member.getByRole('button', { name: /^Choose/ })).toHaveCount(0);

    await member.goto(`/orgs/${organizationId}/billing-details`);
    await expect(member.getByText('Only owners and billing managers can change them.', { exact: false })).toBeVisible();
    await expect(member.getByLabel('Company name')).toBeDisabled();
    await expect(member.getByRole('button', { name: 'Save billing details' })).toHaveCount(0);

    await member.goto(`/orgs/${organizationId}/members`);
    await expect(member.getByTestId('members-list')).toContainText(customer.email);
    await expect(member.getByTestId('invite-form')).toHaveCount(0);
    await expect(member.getByRole('button', { name: 'Remove' })).toHaveCount(0);

    await member.goto(`/orgs/${organizationId}/settings/api-keys`);
    await expect(member.getByText('Only owners and billing managers create or revoke keys.', { exact: false })).toBeVisible();
    await expect(member.getByTestId('create-api-key-form')).toHaveCount(0);

    // Looking is allowed: invoices and activity render.
    await member.goto(`/orgs/${organizationId}/invoices`);
    await expect(member.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  } finally {
    await member.context().close();
  }
});
