/**
 * The baseline of `npm run bench:api`: bare Fastify + pg answering the same SQL as the API's officer
 * task list and overdue statistics, without Nest, auth, validation or DTO mapping. Started as a child
 * process by bench-api.ts (so it does not share an event loop with the load generator).
 */
import Fastify from 'fastify';
import { pg } from './bench-api-pg';
import { BARE_SQL } from './bench-api-sql';

const url = process.env['BENCH_DATABASE_URL'];
const port = Number(process.env['BENCH_BARE_PORT'] ?? '0');
if (!url) throw new Error('BENCH_DATABASE_URL is required');

const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Querystring: { department: string; status: string; page?: string; pageSize?: string } }>(
  '/bare/tasks',
  async (request) => {
    const { department, status } = request.query;
    const pageSize = Number(request.query.pageSize ?? '20');
    const offset = (Number(request.query.page ?? '1') - 1) * pageSize;
    // A named (prepared) statement, as the API runs a department's list.
    const rows = await pool.query<{ total_count: number }>({
      name: 'bare_list',
      text: BARE_SQL.list,
      values: [department, status, new Date(), 7, 30, pageSize, offset],
    });
    return { items: rows.rows, total: rows.rows[0]?.total_count ?? 0 };
  },
);

app.get('/bare/stats', async () => {
  const result = await pool.query(BARE_SQL.stats, [new Date()]);
  return result.rows[0];
});

app
  .listen({ port, host: '127.0.0.1' })
  .then((address) => process.send?.({ ready: address }))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
