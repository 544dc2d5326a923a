import { Module } from '@nestjs/common';

import { AuthModule } from '@vexora/auth';
import { HistoryModule } from '@vexora/history';
import { MusicModule } from '@vexora/music';
import { CacheModule } from '@vexora/shared/cache/cache.module';
import { ConfigModule } from '@vexora/shared/config/config.module';
import { DatabaseModule } from '@vexora/shared/database/database.module';
import { HttpModule } from '@vexora/shared/http/http.module';
import { LoggingModule } from '@vexora/shared/logging/logging.module';
import { MailModule } from '@vexora/shared/mail/mail.module';
import { RedisModule } from '@vexora/shared/redis/redis.module';
import { StorageModule } from '@vexora/shared/storage/storage.module';
import { UsersModule } from '@vexora/users';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    CacheModule,
    RedisModule,
    MailModule,
    StorageModule,
    HttpModule,
    AuthModule,
    UsersModule,
    MusicModule,
    HistoryModule,
  ],
})
export class AppModule {}
