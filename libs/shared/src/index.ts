export * from './config/app-config';
export * from './domain/mood';
export * from './errors/domain-error';
export * from './http/decorators/response-message.decorator';
export * from './http/envelope';
export * from './mail/mailer';
