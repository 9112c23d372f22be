// Benchmark (not a test): throughput and latency of the embedded database through postgres-js, as the app
// sees it. `npx tsx scripts/lib/bench-embedded-db.ts` — figures in the README's Benchmarks section.
import postgres from 'postgres';
import { startEmbeddedDatabase } from './embedded-db';

const QUERIES = 3000;
const TRANSACTIONS = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(label: string, count: number, concurrency: number, run: (i: number) => Promise<unknown>): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await run(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `| ${label} | ${concurrency} | ${count} | ${Math.round(count / seconds)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`,
  );
}

console.log('| operation | concurrent callers | operations | per second | p50 ms | p99 ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const db = await startEmbeddedDatabase({ dataDir: 'memory://', port: 0 });
const sql = postgres(db.url, { max: 10, onnotice: () => {} });
try {
  await sql`create table bench (id serial primary key, org text not null, amount bigint not null, created_at timestamptz default now())`;
  await sql`create index on bench (org)`;
  await measure('`select $1`', QUERIES, 1, (i) => sql`select ${i}::int as n`);
  await measure('`select $1`', QUERIES, 10, (i) => sql`select ${i}::int as n`);
  await measure('insert one row', QUERIES, 10, (i) => sql`insert into bench (org, amount) values (${`org_${i % 50}`}, ${i})`);
  await measure('indexed lookup returning 60 rows', QUERIES, 10, (i) => sql`select * from bench where org = ${`org_${i % 50}`}`);
  await measure('transaction: insert + update', TRANSACTIONS, 10, (i) =>
    sql.begin(async (tx) => {
      const [row] = await tx`insert into bench (org, amount) values (${'tx'}, ${i}) returning id`;
      await tx`update bench set amount = amount + 1 where id = ${row.id}`;
    }),
  );
} finally {
  await sql.end();
  await db.close();
}
