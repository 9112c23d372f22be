export * from './auth';
export * from './organizations';
export * from './stripe';
export * from './events';
export * from './audit';
export * from './notifications';
export * from './stripe-adjustments';
