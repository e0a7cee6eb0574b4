// Migration commands: `run`, `revert`, `check` (exit 1 when entities and migrations drift) and
// `generate <Name>` (writes the migration that brings the schema to the entities, and registers it).
// Uses DATABASE_URL, or the embedded PostgreSQL on DATA_DIR.
import { isConfigValidationError } from '@app/payments';
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source.js';
import { loadDatabaseConfig } from './database.config.js';
import { runMigrationsExclusively } from './database.module.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

const SOURCE_DIR = fileURLToPath(
  new URL('../../../../libs/database/src/migrations/', import.meta.url),
);

function migrationSource(name: string, up: string[], down: string[]): string {
  const lines = (queries: string[]): string =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name} implements MigrationInterface {
  name = '${name}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = loadDatabaseConfig(process.env);
  const embedded =
    config.url === undefined ? await EmbeddedPostgres.start(config.dataDir) : undefined;
  const url = config.url ?? embedded!.url;
  const dataSource = new DataSource(buildDataSourceOptions(url, config, embedded !== undefined));
  try {
    await dataSource.initialize();
    switch (command) {
      case 'run': {
        const applied = await runMigrationsExclusively(dataSource, embedded !== undefined);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        return 0;
      case 'check':
      case 'generate': {
        await dataSource.runMigrations({ transaction: 'each' });
        const sql = await dataSource.driver.createSchemaBuilder().log();
        const up = sql.upQueries.map((q) => q.query);
        const down = sql.downQueries.map((q) => q.query).reverse();
        if (up.length === 0) {
          console.log('no changes: entities and migrations agree');
          return 0;
        }
        if (command === 'check') {
          console.error('entities and migrations drift; the missing migration would run:');
          for (const q of up) console.error(`  ${q}`);
          return 1;
        }
        if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
          console.error('usage: npm run migration:generate -- <PascalCaseName>');
          return 2;
        }
        const stamp = Date.now();
        const className = `${name}${stamp}`;
        const file = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
        writeFileSync(`${SOURCE_DIR}${file}.ts`, migrationSource(className, up, down));
        const index = `${SOURCE_DIR}index.ts`;
        const text = readFileSync(index, 'utf8')
          .replace(/^(\/\/.*\n)/, `$1import { ${className} } from './${file}.js';\n`)
          .replace(/export const MIGRATIONS = \[([^\]]*)\];/, (_m, list: string) => {
            const items = list
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
            return `export const MIGRATIONS = [${[...items, className].join(', ')}];`;
          });
        writeFileSync(index, text);
        console.log(
          `wrote libs/database/src/migrations/${file}.ts; read it, then run npm run format`,
        );
        return 0;
      }
      default:
        console.error('usage: cli.js run | revert | check | generate <Name>');
        return 2;
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isConfigValidationError(error)) {
      for (const problem of error.problems) console.error(problem);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
