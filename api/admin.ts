import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { authorize } from '../accounts/policy';
import { ErrorCode, isAppError } from '../core/errors';
import type { Services } from '../services';
import { bearerToken } from './context';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'seedfeed_admin';
/** As long as an operator looks at the queues in one sitting; the bearer token itself lives longer. */
const COOKIE_MAX_AGE_S = 3600;

/**
 * /admin: the job queues' dashboard (bull-board), for admins only. A browser opening it sends no bearer header, so the
 * web app first trades its token for a cookie (POST /admin/session) that only /admin pages receive, SameSite=Strict so
 * that no other site can make the browser act with it. The board's own requests then carry the cookie.
 */
export function adminRouter(services: Pick<Services, 'accounts'>, queueBoard: Router | undefined): Router {
  const router = express.Router();
  const requireAdmin = async (token: string | undefined) => {
    const actor = await services.accounts.viewerFromToken(token);
    authorize(await services.accounts.requireUser(actor), 'jobs.see', null);
  };

  router.post('/session', async (req: Request, res: Response) => {
    const token = bearerToken(req.headers.authorization);
    try {
      await requireAdmin(token);
    } catch (error) {
      return refuse(res, error);
    }
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/admin', maxAge: COOKIE_MAX_AGE_S * 1000 });
    res.json({ url: `${QUEUE_BOARD_PATH}/` });
  });
  router.delete('/session', (req: Request, res: Response) => {
    res.clearCookie(COOKIE, { path: '/admin' });
    res.status(204).end();
  });

  if (queueBoard) {
    router.use(
      QUEUE_BOARD_PATH.slice('/admin'.length),
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          await requireAdmin(bearerToken(req.headers.authorization) ?? cookieOf(req.headers.cookie, COOKIE));
        } catch (error) {
          return refuse(res, error);
        }
        next();
      },
      queueBoard,
    );
  }
  return router;
}

function refuse(res: Response, error: unknown): void {
  if (!isAppError(error)) throw error;
  const status = error.code === ErrorCode.FORBIDDEN ? 403 : 401;
  res.status(status).json({ error: { code: error.code, message: error.message } });
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
