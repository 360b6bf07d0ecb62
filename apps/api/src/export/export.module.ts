import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({ imports: [TasksModule], controllers: [ExportController], providers: [ExportService] })
export class ExportModule {}
