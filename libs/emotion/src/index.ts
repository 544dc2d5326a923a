export * from './domain/emotion-classifier';
export * from './domain/emotion.errors';
export * from './emotion.module';
