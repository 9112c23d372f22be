// Why a visitor was sent to sign in, from where they will return: a quote's link or a payee's invitation names the
// address to use, since the account is the one that email was sent to. Only a same-site path counts (the
// callbackUrl the sign-in itself would follow, lib/auth/auth-schemas.ts); anything else is no reason. Pure.
import { safeCallbackPath } from './auth-schemas';

export type SignInReason = 'quote' | 'payee';

export function signInReasonOf(callbackUrl: string | undefined): SignInReason | null {
  const path = safeCallbackPath.parse(callbackUrl);
  if (/^\/quotes\/[^/?#]+/.test(path)) return 'quote';
  if (/^\/payee(?:[/?#]|$)/.test(path)) return 'payee';
  return null;
}
