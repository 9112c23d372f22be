// The invitation email in the inviter's language: who invited whom to which organization, with the sign-in link
// that accepts it (invitations are accepted when the invited address signs in).
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { Locale } from '@/lib/i18n/config';

const messages = { en, ja } as const;

export function buildInvitationEmail(params: { organizationName: string; inviterEmail: string; role: string; url: string; locale: Locale }) {
  const t = createTranslator({ locale: params.locale, messages: messages[params.locale], namespace: 'members.email' });
  const role = createTranslator({ locale: params.locale, messages: messages[params.locale], namespace: 'role' })(params.role as 'owner');
  const subject = t('subject', { organization: params.organizationName });
  const text = [t('body', { inviter: params.inviterEmail, organization: params.organizationName, role }), '', params.url, '', t('ignore')].join('\n');
  return { subject, text };
}
