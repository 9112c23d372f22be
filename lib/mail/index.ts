export { sendMail, mailTransportName, type MailMessage, type MailAttachment } from './send-mail';
export { isDevMailboxEnabled } from './dev-mailbox';
