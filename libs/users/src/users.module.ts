import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '@vexora/shared';

import { GetProfileUseCase } from './application/get-profile.use-case';
import { UpdateProfileUseCase } from './application/update-profile.use-case';
import { UpdateProfilePictureUseCase } from './application/update-profile-picture.use-case';
import { PictureProcessor } from './domain/picture-processor';
import { UserRepository } from './domain/user.repository';
import { ProfilePictureController } from './http/profile-picture.controller';
import { UsersController } from './http/users.controller';
import { SharpPictureProcessor } from './infrastructure/sharp-picture-processor';
import { TypeormUserRepository } from './infrastructure/typeorm-user.repository';
import { UserOrmEntity } from './infrastructure/user.orm-entity';

@Module({
  imports: [
    // Pictures are re-encoded from memory; only the result is stored.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: {
          fields: 20,
          fieldSize: 64 * 1024,
          fileSize: config.images.maxUploadBytes,
          files: 1,
        },
      }),
    }),
    TypeOrmModule.forFeature([UserOrmEntity]),
  ],
  controllers: [UsersController, ProfilePictureController],
  providers: [
    GetProfileUseCase,
    UpdateProfileUseCase,
    UpdateProfilePictureUseCase,
    { provide: PictureProcessor, useClass: SharpPictureProcessor },
    { provide: UserRepository, useClass: TypeormUserRepository },
  ],
  exports: [UserRepository],
})
export class UsersModule {}
