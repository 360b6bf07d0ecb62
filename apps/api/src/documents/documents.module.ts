import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { TaskSourceService } from './task-source.service';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentsService, TaskSourceService],
  exports: [TaskSourceService],
})
export class DocumentsModule {}
