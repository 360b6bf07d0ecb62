import type { MeDto, UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { compare, hash, hashSync } from 'bcryptjs';
import type { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** bcrypt cost: 10 is the usual interactive-login trade-off (≈ 60 ms per check here). */
export const BCRYPT_ROUNDS = 10;

let dummyHash: string | undefined;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: UserRole;
  departmentId: string | null;
  email?: string | null;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username, active: true }, relations: { department: true } });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, active: true }, relations: { department: true } });
  }

  /** The few columns every authenticated request needs (one primary-key lookup, no join). */
  findActiveIdentity(
    id: string,
  ): Promise<Pick<UserEntity, 'id' | 'username' | 'role' | 'departmentId'> | null> {
    return this.users.findOne({
      where: { id, active: true },
      select: { id: true, username: true, role: true, departmentId: true },
    });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  async create(input: NewUser): Promise<UserEntity> {
    const entity = this.users.create({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hash(input.password, BCRYPT_ROUNDS),
      role: input.role,
      departmentId: input.departmentId,
      email: input.email ?? null,
      active: true,
    });
    return this.users.save(entity);
  }

  /** Checks a password; for an unknown user, still spends the time of one bcrypt check. */
  verifyPassword(user: UserEntity | null, password: string): Promise<boolean> {
    dummyHash ??= hashSync('duban-unknown-user', BCRYPT_ROUNDS);
    return compare(password, user?.passwordHash ?? dummyHash);
  }

  toMeDto(user: UserEntity): MeDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      department: user.department ? { id: user.department.id, name: user.department.name } : null,
    };
  }
}
