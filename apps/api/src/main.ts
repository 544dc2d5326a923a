import 'reflect-metadata';

import { Logger } from '@nestjs/common';

import { AppConfig } from '@vexora/shared';

import { API_PREFIX, createApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  const logger = new Logger('Vexora');

  await app.listen(config.port);
  logger.log(
    `Listening on port ${config.port}: API at ${config.publicUrl(API_PREFIX)}, ` +
      `docs at ${config.publicUrl('docs')}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () =>
      logger.log(`${signal} received, finishing requests and shutting down`),
    );
  }
}

void main();
