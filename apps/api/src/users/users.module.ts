import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { SeedService } from './seed.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), DepartmentsModule],
  controllers: [UsersController],
  providers: [UsersService, SeedService],
  exports: [UsersService, SeedService],
})
export class UsersModule {}
