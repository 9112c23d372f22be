// Notifications: moments → outbox rows (dedupe key) → delivery by the job runner through SMTP or the dev
// mailbox, rendered from React Email templates in the recipient's language. See README.md.
export { notifyInvoiceEvent, operatorRecipients, type PaymentFailureReason } from './invoice-moments';
export { scanNotificationMoments } from './scan';
export { handleTestClockTime } from './test-clock';
export { deliverNotification, deliverUnattemptedNotifications, composeNotificationEmail } from './deliver';
export { enqueueNotification } from './enqueue';
