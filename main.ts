import cluster from 'node:cluster';
import { startProduct } from './boot';
import { loadConfig } from './core/config';
import { jwtSecretFile } from './core/jwt-secret';
import { createLogger } from './core/logger';
import { superviseApiWorkers } from './supervisor';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (!config.JWT_SECRET)
    logger.info(
      { file: jwtSecretFile(config.DATA_DIR) },
      'JWT_SECRET is unset: tokens are signed with this installation’s own random secret',
    );
  const product =
    cluster.isPrimary && config.API_WORKERS > 1 ? await superviseApiWorkers(config, logger) : await startProduct(config, logger);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight work');
    product
      .stop()
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
