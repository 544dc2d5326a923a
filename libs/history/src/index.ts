export * from './application/detect-mood.use-case';
export * from './domain/history';
export * from './domain/history.repository';
export * from './history.module';
