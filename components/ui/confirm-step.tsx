'use client';
// The "ask before doing it" step, shown in place of an action's button: the question, a confirm button and a back
// button, in a group named by the question. Focus goes where the user acts next (the step's first field, else the
// confirm button); Escape and the back button return to the action, and `useConfirmStep` puts focus back on the
// button that opened the step. While the action runs both buttons are disabled and the confirm button says so.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type ConfirmTone = 'neutral' | 'danger';

/**
 * Which action is being asked about, and the focus around the step. The opener is drawn again when the step closes
 * (it is a new element), so it is found by its key: `openerRef(key)` on each button that opens the step.
 */
export function useConfirmStep<K extends string = 'ask'>() {
  const [asking, setAsking] = useState<K | null>(null);
  const returnTo = useRef<K | null>(null);
  return {
    asking,
    ask: (key: K = 'ask' as K) => {
      returnTo.current = null;
      setAsking(key);
    },
    /** Back to the actions (the back button, Escape, or the action done): focus returns to the step's opener. */
    close: () => {
      returnTo.current = asking;
      setAsking(null);
    },
    /** Gone without moving focus: the user changed what the step was about (typed another amount). */
    dismiss: () => setAsking(null),
    /** Focuses the opener once it is drawn and enabled again after `close` (a disabled button cannot take focus). */
    openerRef: (key: K = 'ask' as K) => (node: HTMLElement | null) => {
      if (!node || returnTo.current !== key || (node as HTMLButtonElement).disabled) return;
      returnTo.current = null;
      node.focus();
    },
  };
}

const boxTone: Record<ConfirmTone, string> = { neutral: 'border-amber-300 bg-amber-50', danger: 'border-red-200 bg-red-50' };
const confirmClass: Record<'box' | 'inline', Record<ConfirmTone, string>> = {
  box: { neutral: 'btn-primary', danger: 'btn-primary bg-red-700 hover:bg-red-800' },
  inline: { neutral: 'btn-primary', danger: 'btn-secondary text-red-700' },
};

export function ConfirmStep(props: {
  question: ReactNode;
  confirmLabel: string;
  /** On the confirm button while the action runs; the confirm label itself when absent. */
  pendingLabel?: string;
  backLabel: string;
  onConfirm: () => void;
  onBack: () => void;
  pending?: boolean;
  tone?: ConfirmTone;
  /** In a list row or a table cell: the question and the buttons on one line, without a box. */
  inline?: boolean;
  /**
   * `form` draws a <form>, so the browser checks the step's own fields (a required reason) before confirming;
   * `alertdialog` for a step that interrupts a larger form to say what cannot be undone.
   */
  role?: 'group' | 'form' | 'alertdialog';
  testId?: string;
  /** What the action needs besides the yes (a reason), between the question and the buttons. */
  children?: ReactNode;
}) {
  const { pending = false, tone = 'neutral', role = 'group' } = props;
  const questionId = `${useId()}-question`;
  const box = useRef<HTMLElement | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasPending = useRef(pending);

  useEffect(() => {
    const field = box.current?.querySelector<HTMLElement>('input, textarea, select');
    (field ?? confirm.current)?.focus();
  }, []);
  // A disabled button loses focus: when the action ends and the step stays (it was refused), focus comes back.
  useEffect(() => {
    if (wasPending.current && !pending && (!document.activeElement || document.activeElement === document.body)) confirm.current?.focus();
    wasPending.current = pending;
  }, [pending]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || pending) return;
    event.stopPropagation();
    props.onBack();
  };
  const layout = props.inline ? 'inline' : 'box';
  const content = (
    <>
      <p id={questionId} className={props.inline ? 'text-sm text-slate-800' : 'text-sm font-medium text-slate-900'}>
        {props.question}
      </p>
      {props.children}
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirm}
          type={role === 'form' ? 'submit' : 'button'}
          className={confirmClass[layout][tone]}
          disabled={pending}
          onClick={role === 'form' ? undefined : props.onConfirm}
          // A held Enter that opened the step repeats: it must not also confirm it.
          onKeyDown={(event) => {
            if (event.repeat) event.preventDefault();
          }}
        >
          {pending && props.pendingLabel ? props.pendingLabel : props.confirmLabel}
        </button>
        <button type="button" className={props.inline ? 'btn-ghost' : 'btn-secondary'} disabled={pending} onClick={props.onBack}>
          {props.backLabel}
        </button>
      </div>
    </>
  );
  const className = props.inline ? 'flex flex-wrap items-center gap-2' : `space-y-3 rounded-lg border p-3 ${boxTone[tone]}`;
  const shared = { className, 'aria-labelledby': questionId, 'aria-busy': pending || undefined, 'data-testid': props.testId, onKeyDown };
  return role === 'form' ? (
    <form
      {...shared}
      ref={(node) => {
        box.current = node;
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) props.onConfirm();
      }}
    >
      {content}
    </form>
  ) : (
    <div
      {...shared}
      role={role}
      ref={(node) => {
        box.current = node;
      }}
    >
      {content}
    </div>
  );
}
