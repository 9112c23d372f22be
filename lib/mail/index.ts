export { sendMail, mailTransportName, type MailMessage } from './send-mail';
export { isDevMailboxEnabled } from './dev-mailbox';
