import express, { type Request, type Response, type Router } from 'express';
import { SIGNATURE_HEADER } from '../commerce/webhook-signature';
import { databaseInputError } from '../core/db';
import { ErrorCode, isAppError, type ErrorCode as Code } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Services } from '../services';

const STATUS: Partial<Record<Code, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/** A shop's order events never need more than this. */
const WEBHOOK_BODY_LIMIT = '64kb';

/**
 * POST /webhooks/orders/:brandId: orders and refunds from a brand's own shop, signed with the
 * brand's secret. The signature covers the raw bytes, so the body is read raw and parsed after.
 * 200 for a new or already-recorded event (a shop may retry), 4xx for a refusal it should not retry.
 */
export function webhooksRouter(services: Pick<Services, 'orders'>, logger: Logger): Router {
  const router = express.Router();
  router.post('/orders/:brandId', express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const outcome = await services.orders.receiveWebhook(String(req.params.brandId), body, req.get(SIGNATURE_HEADER));
      res.status(200).json(outcome);
    } catch (thrown) {
      const error = databaseInputError(thrown) ?? thrown;
      if (!isAppError(error)) {
        logger.error({ err: error }, 'order webhook failed');
        res.status(500).json({ error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
        return;
      }
      res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message, field: error.field ?? null } });
    }
  });
  return router;
}
