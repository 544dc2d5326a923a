import 'reflect-metadata';

import { AppConfig } from '@vexora/shared';

import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);

  await app.listen(config.port);
}

void main();
