// The messages the browser receives: only the namespaces client components translate with `useTranslations`
// (server components translate on the server and ship text). Shipping every message (55 kB in English, 67 kB in
// Japanese) on every page view cost each page its serialization and transfer; client-messages.test.ts fails
// when a client component uses a namespace missing here, so a new one cannot be forgotten.

/** Namespaces (or dotted sub-namespaces) used by `'use client'` components. Add yours here. */
export const CLIENT_MESSAGE_NAMESPACES = ['errors', 'backOffice', 'paymentMethods.confirmRemove', 'connect'] as const;

type Messages = Record<string, unknown>;

/** The subset of `messages` under `namespaces`, keeping each one's path (`a.b` → `{ a: { b: … } }`). */
export function pickClientMessages(messages: Messages, namespaces: readonly string[] = CLIENT_MESSAGE_NAMESPACES): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split('.');
    let source: unknown = messages;
    for (const key of path) source = source && typeof source === 'object' ? (source as Messages)[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Messages;
    target[path.at(-1)!] = source;
  }
  return picked;
}
