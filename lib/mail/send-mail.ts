// Sends one email: real SMTP through nodemailer when SMTP_URL is set, otherwise into the built-in dev mailbox
// (table dev_mailbox, page /dev/mailbox). Callers do not know or care which.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { insertMailboxMessage } from '@/db/queries/mailbox';
import { env } from '@/lib/env';

export type MailMessage = { to: string; subject: string; text: string; html?: string };

const globalForMail = globalThis as unknown as { __seikyuSmtp?: Transporter };

function smtpTransport(url: string): Transporter {
  return (globalForMail.__seikyuSmtp ??= nodemailer.createTransport(url));
}

export function mailTransportName(): 'smtp' | 'dev-mailbox' {
  return env.SMTP_URL ? 'smtp' : 'dev-mailbox';
}

export async function sendMail(message: MailMessage): Promise<void> {
  const to = message.to.trim().toLowerCase();
  if (!to.includes('@')) throw new Error(`sendMail: invalid recipient ${JSON.stringify(message.to)}`);
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to, subject: message.subject, text: message.text, html: message.html });
    return;
  }
  await insertMailboxMessage({ to, from: env.MAIL_FROM, subject: message.subject, text: message.text, html: message.html ?? null });
}
