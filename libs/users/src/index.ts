export * from './domain/user';
export * from './domain/user-normalisation';
export * from './domain/user.repository';
export * from './http/profile.response';
export * from './users.module';
