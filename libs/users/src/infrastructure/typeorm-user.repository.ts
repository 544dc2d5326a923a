import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';

import { ConflictError, NotFoundError } from '@vexora/shared';

import { NewUser, ProfileChanges, User, UserCredentials } from '../domain/user';
import { UserRepository } from '../domain/user.repository';
import { UserOrmEntity } from './user.orm-entity';

const UNIQUE_VIOLATION = '23505';

const CONFLICT_MESSAGES: Record<string, string> = {
  users_email_key: 'An account with this e-mail already exists',
  users_username_key: 'This username is already taken',
};

function toUser(entity: UserOrmEntity): User {
  return {
    createdAt: entity.createdAt,
    email: entity.email,
    fileId: entity.fileId,
    name: entity.name,
    profilePicture: entity.profilePicture,
    updatedAt: entity.updatedAt,
    username: entity.username,
    uuid: entity.uuid,
    verified: entity.verified,
  };
}

@Injectable()
export class TypeormUserRepository extends UserRepository {
  constructor(
    @InjectRepository(UserOrmEntity)
    private readonly users: Repository<UserOrmEntity>,
  ) {
    super();
  }

  async create(user: NewUser): Promise<User> {
    try {
      const saved = await this.users.save(this.users.create(user));
      const created = await this.users.findOneByOrFail({ uuid: saved.uuid });

      return toUser(created);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async findByEmail(email: string): Promise<User | null> {
    const entity = await this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();

    return entity ? toUser(entity) : null;
  }

  async findById(uuid: string): Promise<User | null> {
    const entity = await this.users.findOneBy({ uuid });

    return entity ? toUser(entity) : null;
  }

  async findCredentialsById(uuid: string): Promise<UserCredentials | null> {
    const entity = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.uuid = :uuid', { uuid })
      .getOne();

    return entity
      ? { passwordHash: entity.passwordHash, user: toUser(entity) }
      : null;
  }

  async findCredentialsByUsername(
    username: string,
  ): Promise<UserCredentials | null> {
    const entity = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();

    return entity
      ? { passwordHash: entity.passwordHash, user: toUser(entity) }
      : null;
  }

  async markVerified(uuid: string): Promise<void> {
    await this.users.update({ uuid }, { verified: true });
  }

  async updatePicture(
    uuid: string,
    url: string,
    fileId: string,
  ): Promise<string | null> {
    return this.users.manager.transaction(async (manager) => {
      const current = await manager.findOne(UserOrmEntity, {
        lock: { mode: 'pessimistic_write' },
        select: { fileId: true, uuid: true },
        where: { uuid },
      });
      if (!current) {
        throw new NotFoundError('This account no longer exists');
      }

      await manager.update(
        UserOrmEntity,
        { uuid },
        { fileId, profilePicture: url },
      );

      return current.fileId;
    });
  }

  async updatePasswordHash(uuid: string, passwordHash: string): Promise<void> {
    await this.users.update({ uuid }, { passwordHash });
  }

  async updateProfile(uuid: string, changes: ProfileChanges): Promise<User> {
    if (Object.keys(changes).length > 0) {
      try {
        await this.users.update({ uuid }, changes);
      } catch (error) {
        throw this.translate(error);
      }
    }

    return toUser(await this.users.findOneByOrFail({ uuid }));
  }

  private translate(error: unknown): unknown {
    if (!(error instanceof QueryFailedError)) {
      return error;
    }

    const driverError = error.driverError as {
      code?: string;
      constraint?: string;
    };
    if (driverError.code !== UNIQUE_VIOLATION) {
      return error;
    }

    const message =
      CONFLICT_MESSAGES[driverError.constraint ?? ''] ??
      'This account already exists';

    return new ConflictError(message);
  }
}
