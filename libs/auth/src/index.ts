export * from './application/token.service';
export * from './auth.module';
export * from './domain/one-time-code';
export * from './domain/session.store';
export * from './domain/tokens';
