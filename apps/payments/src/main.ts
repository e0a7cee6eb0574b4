import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { loadAppConfig } from './config/app.config.js';
import { environmentProblems } from './config/environment.js';

async function main(): Promise<void> {
  // Configuration errors are the operator's to fix: one line each, no stack trace, exit 1.
  const problems = environmentProblems(process.env);
  if (problems.length > 0) {
    process.stderr.write(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const config = loadAppConfig(process.env);
  const app = await createApp();
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
