/**
 * Every TypeORM entity of the API. Bundled code cannot glob, so list each entity class here
 * (append yours; the migration check compares exactly this list with the migrations).
 */
export const ENTITIES: (new () => object)[] = [];
