import cluster from 'node:cluster';
import { startProduct } from './boot';
import { loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { superviseApiWorkers } from './supervisor';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (config.devJwtSecret) logger.warn('JWT_SECRET is the development default; set it outside development');
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
