import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';

import { AppConfig, loadConfig } from './app-config';

/** Loads `.env` (if any) into process.env, validates it and exposes AppConfig. */
@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      cache: true,
      ignoreEnvFile: process.env.NODE_ENV === 'test',
    }),
  ],
  providers: [
    { provide: AppConfig, useFactory: () => loadConfig(process.env) },
  ],
  exports: [AppConfig],
})
export class ConfigModule {}
