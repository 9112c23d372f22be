// @vitest-environment jsdom
// The shared "ask before doing it" step as a keyboard or screen-reader user meets it: a group named by its question,
// focus on the confirm button, one call per confirmation, Escape and the back button returning to the button that
// opened it, and nothing to press twice while the action runs.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmStep, useConfirmStep } from './confirm-step';

afterEach(cleanup);

/** An action button and its step, as the forms draw them. */
function Harness(props: { onConfirm: () => void; pending?: boolean }) {
  const step = useConfirmStep();
  return (
    <div>
      <button type="button">Elsewhere</button>
      {step.asking ? (
        <ConfirmStep
          question="Delete this note?"
          confirmLabel="Yes, delete"
          pendingLabel="Deleting…"
          backLabel="Keep the note"
          pending={props.pending}
          onConfirm={props.onConfirm}
          onBack={step.close}
        />
      ) : (
        <button type="button" ref={step.openerRef()} onClick={() => step.ask()}>
          Delete
        </button>
      )}
    </div>
  );
}

describe('ConfirmStep', () => {
  it('asks its question in a group named by it, with focus on the confirm button', () => {
    render(<Harness onConfirm={() => {}} />);
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const group = screen.getByRole('group', { name: 'Delete this note?' });
    expect(group.textContent).toContain('Delete this note?');
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, delete' }));
  });

  it('calls the action once per confirmation', () => {
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('goes back with the back button or Escape, focus on the button that opened it, having done nothing', () => {
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the note' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Yes, delete' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('does not move focus when the opener comes back without a close (the user was elsewhere)', () => {
    function Dismissed() {
      const step = useConfirmStep();
      return (
        <>
          <input aria-label="Amount" onChange={step.dismiss} />
          {step.asking ? (
            <ConfirmStep question="Record it?" confirmLabel="Record" backLabel="Cancel" onConfirm={() => {}} onBack={step.close} />
          ) : (
            <button type="button" ref={step.openerRef()} onClick={() => step.ask()}>
              Record payment
            </button>
          )}
        </>
      );
    }
    render(<Dismissed />);
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    amount.focus();
    fireEvent.change(amount, { target: { value: '5000' } });
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeTruthy();
    expect(document.activeElement).toBe(amount);
  });

  it('while the action runs, disables both buttons, says so on the confirm button and ignores Escape', () => {
    const onBack = vi.fn();
    render(<ConfirmStep question="Remove this card?" confirmLabel="Yes, remove" pendingLabel="Removing…" backLabel="Keep the card" pending onConfirm={() => {}} onBack={onBack} />);
    const confirm = screen.getByRole('button', { name: 'Removing…' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Keep the card' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Yes, remove' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('group', { name: 'Remove this card?' }), { key: 'Escape' });
    expect(onBack).not.toHaveBeenCalled();
  });

  it('gives focus back to the confirm button when a refused action leaves the step open', () => {
    function Refused() {
      const [pending, setPending] = useState(false);
      return (
        <>
          <ConfirmStep question="Void it?" confirmLabel="Void" backLabel="Cancel" pending={pending} onConfirm={() => setPending(true)} onBack={() => {}} />
          <button type="button" onClick={() => setPending(false)}>
            Refuse
          </button>
        </>
      );
    }
    render(<Refused />);
    fireEvent.click(screen.getByRole('button', { name: 'Void' }));
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.click(screen.getByRole('button', { name: 'Refuse' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Void' }));
  });

  it('as a form, focuses its first field and confirms on submit', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmStep role="form" question="Void this invoice?" confirmLabel="Void" backLabel="Cancel" onConfirm={onConfirm} onBack={() => {}}>
        <label>
          Reason
          <textarea required defaultValue="Issued twice" />
        </label>
      </ConfirmStep>,
    );
    const form = screen.getByRole('form', { name: 'Void this invoice?' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason' }));
    fireEvent.submit(form);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('keeps a repeated Enter from confirming', () => {
    render(<ConfirmStep question="Revoke it?" confirmLabel="Yes, revoke" backLabel="Cancel" onConfirm={() => {}} onBack={() => {}} />);
    const confirm = screen.getByRole('button', { name: 'Yes, revoke' });
    expect(fireEvent.keyDown(confirm, { key: 'Enter', repeat: true })).toBe(false);
    expect(fireEvent.keyDown(confirm, { key: 'Enter' })).toBe(true);
  });
});
