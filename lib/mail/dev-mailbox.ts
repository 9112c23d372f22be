// The dev mailbox page and its JSON route exist outside production, or in production only when
// DEV_MAILBOX_ENABLED is set explicitly (the e2e server does, to read magic links).
import { env } from '@/lib/env';

export function isDevMailboxEnabled(): boolean {
  return env.NODE_ENV !== 'production' || env.DEV_MAILBOX_ENABLED;
}
