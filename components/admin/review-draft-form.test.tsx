// @vitest-environment jsdom
// The reviewer's controls on a held draft: the memo says the customer reads it on the invoice; a coupon is added
// (to those applied, the server keeps them); each discount has its own remove, named by its coupon, that sends
// that discount only.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { RemoveDraftDiscountButton, ReviewDraftForm, type ReviewLabels } from './review-draft-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
const actions = vi.hoisted(() => ({
  edit: vi.fn(async (_input: Record<string, unknown>) => ({ data: { ok: true } })),
  approve: vi.fn(async (_input: Record<string, unknown>) => ({ data: { ok: true } })),
}));
vi.mock('@/lib/actions/admin/edit-draft', () => ({ editDraftAction: actions.edit }));
vi.mock('@/lib/actions/admin/approve-draft', () => ({ approveDraftAction: actions.approve }));

afterEach(() => {
  cleanup();
  actions.edit.mockClear();
});

const m = en.adminInvoices;
const labels: ReviewLabels = {
  addItem: m.addItem,
  itemDescription: m.itemDescription,
  itemAmount: fillTemplate(m.itemAmount, { currency: 'JPY' }),
  coupon: m.coupon,
  couponHelp: m.couponHelp,
  applyCoupon: m.applyCoupon,
  memo: m.memo,
  memoHelp: m.memoHelp,
  saveMemo: m.saveMemo,
  approve: m.approve,
  confirmApprove: m.confirmApprove,
  cancel: m.cancel,
  keepHolding: m.keepHolding,
};

describe('ReviewDraftForm', () => {
  it('[admin] says the customer reads the memo on the invoice', () => {
    render(<ReviewDraftForm invoiceId="in_1" attempt="a1" memo="Thank you" labels={labels} />);
    const memo = screen.getByRole('textbox', { name: 'Memo' });
    expect(memo).toHaveProperty('value', 'Thank you');
    expect(memo.getAttribute('aria-describedby')).toBe('review-memo-help');
    expect(document.getElementById('review-memo-help')?.textContent).toMatch(/customer reads this memo on the invoice/);
  });

  it('[admin] adds a coupon to those applied: the form sends the coupon only, never a list to replace', async () => {
    render(<ReviewDraftForm invoiceId="in_1" attempt="a1" memo="" labels={labels} />);
    expect(screen.queryByRole('button', { name: 'Remove discount' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Coupon ID' }), { target: { value: 'SEIKYU_WELCOME10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply coupon' }));
    await waitFor(() => expect(actions.edit).toHaveBeenCalledTimes(1));
    expect(actions.edit.mock.calls[0]![0]).toEqual({ invoiceId: 'in_1', edit: { kind: 'add_coupon', couponId: 'SEIKYU_WELCOME10', attempt: 'a1:coupon' } });
  });
});

describe('RemoveDraftDiscountButton', () => {
  it('[admin] is named by its coupon and removes that discount only', async () => {
    render(
      <>
        <RemoveDraftDiscountButton invoiceId="in_1" discountId="di_1" label="Remove" accessibleLabel={fillTemplate(m.removeDiscount, { coupon: 'Thank you ¥500' })} />
        <RemoveDraftDiscountButton invoiceId="in_1" discountId="di_2" label="Remove" accessibleLabel={fillTemplate(m.removeDiscount, { coupon: 'Welcome 10%' })} />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Welcome 10%' }));
    await waitFor(() => expect(actions.edit).toHaveBeenCalledTimes(1));
    expect(actions.edit.mock.calls[0]![0]).toEqual({ invoiceId: 'in_1', edit: { kind: 'remove_discount', discountId: 'di_2' } });
  });
});
