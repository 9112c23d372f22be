// Sends one email: real SMTP through nodemailer when SMTP_URL is set, otherwise into the built-in dev mailbox
// (table dev_mailbox, page /dev/mailbox). Callers do not know or care which. SMTP mail is DKIM-signed when
// DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are configured, so it is trusted as the company's own.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { insertMailboxMessage } from '@/db/queries/mailbox';
import { env } from '@/lib/env';

export type MailAttachment = { filename: string; content: Buffer; contentType: string };
/** `messageId`: a stable Message-ID (with angle brackets) so a message sent twice is recognisably the same one. */
export type MailMessage = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[]; messageId?: string };

const globalForMail = globalThis as unknown as { __seikyuSmtp?: Transporter };

function smtpTransport(url: string): Transporter {
  const dkim =
    env.DKIM_DOMAIN && env.DKIM_SELECTOR && env.DKIM_PRIVATE_KEY
      ? { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY }
      : undefined;
  return (globalForMail.__seikyuSmtp ??= nodemailer.createTransport(url, dkim ? { dkim } : {}));
}

export function mailTransportName(): 'smtp' | 'dev-mailbox' {
  return env.SMTP_URL ? 'smtp' : 'dev-mailbox';
}

export async function sendMail(message: MailMessage): Promise<void> {
  const to = message.to.trim().toLowerCase();
  if (!to.includes('@')) throw new Error(`sendMail: invalid recipient ${JSON.stringify(message.to)}`);
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments,
      messageId: message.messageId,
    });
    return;
  }
  // The dev mailbox keeps the text and HTML; attachments are named in the text so a reader sees they exist.
  const attached = message.attachments?.length ? `\n\n[${message.attachments.map((a) => a.filename).join(', ')}]` : '';
  await insertMailboxMessage({ to, from: env.MAIL_FROM, subject: message.subject, text: message.text + attached, html: message.html ?? null });
}
