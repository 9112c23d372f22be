// @vitest-environment jsdom
// The operator's invoice actions ask before anything is sent: a resend names the address and goes with the page's
// `attempt` (a double click resends once); a void is named by its question and asks for the reason first; going back
// sends nothing and puts focus on the action's button again.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { InvoiceActionsForm, type InvoiceActionLabels } from './invoice-actions-form';

const actions = vi.hoisted(() => ({
  manage: vi.fn(async (_input: Record<string, unknown>) => ({ data: { ok: true } })),
  resend: vi.fn(async (_input: Record<string, unknown>) => ({ data: { recipient: 'ap@example.com' } })),
}));
vi.mock('@/lib/actions/admin/manage-invoice', () => ({ manageInvoiceAction: actions.manage }));
vi.mock('@/lib/actions/admin/resend-invoice', () => ({ resendInvoiceAction: actions.resend }));

afterEach(() => {
  cleanup();
  actions.manage.mockClear();
  actions.resend.mockClear();
});

const m = en.adminInvoices;
const labels: InvoiceActionLabels = {
  ...m.action,
  confirm: { ...m.confirm, resend: fillTemplate(m.confirm.resendTo, { email: 'ap@example.com' }) },
  reasonLabel: m.reasonLabel,
  cancel: m.cancel,
  done: m.done,
  resent: m.resent,
};
const attempt = '00000000-0000-4000-8000-000000000000';

describe('InvoiceActionsForm', () => {
  it('[admin] a resend asks with the address, goes back without sending, then sends once with the page’s attempt', async () => {
    render(<InvoiceActionsForm invoiceId="in_1" attempt={attempt} actions={['void', 'resend']} labels={labels} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resend invoice' }));
    const step = screen.getByRole('form', { name: 'Email this invoice again to ap@example.com?' });
    expect(screen.queryByRole('button', { name: 'Void' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(step.isConnected).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resend invoice' }));
    expect(actions.resend).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Resend invoice' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resend invoice' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invoice sent again to ap@example.com.'));
    expect(actions.resend).toHaveBeenCalledTimes(1);
    expect(actions.resend.mock.calls[0]![0]).toEqual({ invoiceId: 'in_1', attempt });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resend invoice' }));
  });

  it('[admin] a void asks for the reason first and sends it', async () => {
    render(<InvoiceActionsForm invoiceId="in_1" attempt={attempt} actions={['void', 'resend']} labels={labels} />);
    fireEvent.click(screen.getByRole('button', { name: 'Void' }));
    const step = screen.getByRole('form', { name: 'Void this invoice? This cannot be undone.' });
    const reason = screen.getByLabelText(m.reasonLabel);
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: 'Issued twice' } });
    fireEvent.submit(step);
    await waitFor(() => expect(actions.manage).toHaveBeenCalledTimes(1));
    expect(actions.manage.mock.calls[0]![0]).toEqual({ invoiceId: 'in_1', action: 'void', reason: 'Issued twice' });
  });
});
